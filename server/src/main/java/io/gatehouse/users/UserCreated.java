package io.gatehouse.users;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Actor;

public record UserCreated(Actor actor, User user) implements UserEvent {

	@Override
	public UUID userId() {
		return user.id();
	}

	@Override
	public String action() {
		return "user.created";
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("username", user.username(), "status", user.status().code());
	}
}
