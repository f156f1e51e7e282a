package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

public record UserReactivated(Actor actor, UUID userId) implements AuditedEvent {

	@Override
	public String action() {
		return "user.reactivated";
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
