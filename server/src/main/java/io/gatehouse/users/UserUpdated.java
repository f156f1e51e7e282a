package io.gatehouse.users;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Actor;

/**
 * Identity fields changed; {@code fields} names which (never their values: they may be personal data).
 *
 * @param previousEmail the address before the change, so its owner can be told; never in the audit details
 */
public record UserUpdated(Actor actor, User user, List<String> fields, String previousEmail) implements UserEvent {

	@Override
	public UUID userId() {
		return user.id();
	}

	@Override
	public String action() {
		return "user.updated";
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("fields", fields);
	}
}
