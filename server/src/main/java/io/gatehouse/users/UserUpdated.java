package io.gatehouse.users;

import java.util.List;
import java.util.Map;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** Identity fields changed; {@code fields} names which (never their values: they may be personal data). */
public record UserUpdated(Actor actor, User user, List<String> fields) implements AuditedEvent {

	@Override
	public String action() {
		return "user.updated";
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
		return Map.of("fields", fields);
	}
}
