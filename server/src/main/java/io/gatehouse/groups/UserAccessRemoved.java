package io.gatehouse.groups;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A deleted user's bindings, memberships and restriction were removed. */
public record UserAccessRemoved(Actor actor, UUID userId, int bindings, int memberships, boolean restriction)
		implements AuditedEvent, AccessRelevantChange {

	@Override
	public String action() {
		return "access.user-removed";
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
		return Map.of("bindings", bindings, "memberships", memberships, "restriction", restriction);
	}
}
