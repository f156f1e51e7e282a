package io.gatehouse.tokens;

import java.util.Map;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

public record TokenCreated(Actor actor, PersonalAccessToken token) implements AuditedEvent {

	@Override
	public String action() {
		return "token.created";
	}

	@Override
	public String targetType() {
		return "token";
	}

	@Override
	public String targetId() {
		return token.id().toString();
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("owner", token.userId().toString(), "name", token.name(), "prefix", token.displayPrefix(),
				"expiresAt", String.valueOf(token.expiresAt()));
	}
}
