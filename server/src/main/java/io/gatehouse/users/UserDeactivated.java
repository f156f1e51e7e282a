package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** The user can no longer sign in; listeners end what must end with it (sessions) in the same transaction. */
public record UserDeactivated(Actor actor, UUID userId) implements AuditedEvent {

	@Override
	public String action() {
		return "user.deactivated";
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
