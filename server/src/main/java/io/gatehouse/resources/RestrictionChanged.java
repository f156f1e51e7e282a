package io.gatehouse.resources;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A user was confined to one subtree (seed 002's reseller account), or set free; {@code resourceId} null frees. */
public record RestrictionChanged(Actor actor, UUID userId, UUID resourceId) implements AuditedEvent, AccessRelevantChange {

	@Override
	public String action() {
		return resourceId == null ? "access.restriction.removed" : "access.restriction.set";
	}

	@Override
	public String targetType() {
		return "user";
	}

	@Override
	public String targetId() {
		return userId.toString();
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("resourceId", String.valueOf(resourceId));
	}

	@Override
	public UUID affectedUser() {
		return userId;
	}
}
