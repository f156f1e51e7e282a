package io.gatehouse.oidc;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** Every application's tokens for a user revoked, because the user was deactivated, deleted, reset or signed out everywhere. */
record OidcUserAuthorizationsRevoked(Actor actor, UUID userId, int count, String reason) implements AuditedEvent {

	@Override
	public String action() {
		return "oidc.user-tokens-revoked";
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
		return Map.of("count", count, "reason", reason);
	}
}
