package io.gatehouse.auth;

import java.time.Instant;
import java.util.Map;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/**
 * Too many failed attempts locked an account, an unknown login or a client address until {@code lockedUntil}.
 *
 * @param targetType {@code user}, {@code login} or {@code address}
 */
public record SignInLocked(Actor actor, String targetType, String targetId, int failures, Instant lockedUntil)
		implements AuditedEvent {

	@Override
	public String action() {
		return "auth.locked";
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("failures", failures, "lockedUntil", lockedUntil.toString());
	}
}
