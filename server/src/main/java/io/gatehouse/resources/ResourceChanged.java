package io.gatehouse.resources;

import java.util.Map;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** The resource tree changed: created, renamed, moved, deleted, or given to another owner. */
public record ResourceChanged(Actor actor, String action, Resource resource) implements AuditedEvent, AccessRelevantChange {

	@Override
	public String targetType() {
		return "resource";
	}

	@Override
	public String targetId() {
		return resource.id().toString();
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("type", resource.type(), "name", resource.name(), "parent", String.valueOf(resource.parentId()),
				"owner", String.valueOf(resource.ownerId()));
	}
}
