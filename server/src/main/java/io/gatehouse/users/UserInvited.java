package io.gatehouse.users;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Actor;

/** A pending user was created and mailed a link; the counts say how many groups and roles came with it. */
public record UserInvited(Actor actor, UUID userId, int groups, int bindings) implements UserEvent {

	@Override
	public String action() {
		return "user.invited";
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("groups", groups, "bindings", bindings);
	}
}
