package io.gatehouse.users;

import java.util.Map;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

public record UserCreated(Actor actor, User user) implements AuditedEvent {

	@Override
	public String action() {
		return "user.created";
	}

	@Override
	public String targetType() {
		return "user";
	}

	@Override
	public String targetId() {
		return user.id().toString();
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("username", user.username(), "status", user.status().code());
	}
}
