package io.gatehouse.access;

import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

public record SystemAdministratorGranted(Actor actor, UUID userId) implements AuditedEvent, AccessRelevantChange {

	@Override
	public String action() {
		return "access.system-administrator.granted";
	}

	@Override
	public String targetType() {
		return "user";
	}

	@Override
	public String targetId() {
		return userId.toString();
	}
}
