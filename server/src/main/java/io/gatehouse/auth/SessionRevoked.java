package io.gatehouse.auth;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/**
 * Sessions of a user were ended before their time.
 *
 * @param sessionId the one session, or null when several ended
 * @param reason {@code revoked} by the user, {@code revoked-others}, {@code revoked-by-admin}, or
 * {@code address-not-allowed} (used from outside the user's allowlist)
 */
public record SessionRevoked(Actor actor, UUID userId, UUID sessionId, int count, String reason)
		implements AuditedEvent {

	@Override
	public String action() {
		return "session.revoked";
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
		return sessionId == null ? Map.of("count", count, "reason", reason)
				: Map.of("sessionId", sessionId.toString(), "count", count, "reason", reason);
	}
}
