package io.gatehouse.users;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/**
 * Someone asked for a reset link. Recorded whether or not an account has the address; the client is never told
 * which, the audit log is.
 */
public record PasswordResetRequested(Actor actor, UUID userId, String result) implements AuditedEvent {

	@Override
	public String action() {
		return "user.password-reset-requested";
	}

	@Override
	public String targetType() {
		return "user";
	}

	@Override
	public String targetId() {
		return userId == null ? null : userId.toString();
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("result", result);
	}
}
