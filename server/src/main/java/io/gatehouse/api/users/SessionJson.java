package io.gatehouse.api.users;

import java.time.Instant;
import java.util.UUID;

import io.gatehouse.auth.SessionView;

/** A session as listed: never its secret. {@code current} marks the one making the request. */
public record SessionJson(UUID id, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String clientAddress,
		String userAgent, boolean current) {

	public static SessionJson of(SessionView session, UUID currentSessionId) {
		return new SessionJson(session.id(), session.createdAt(), session.lastSeenAt(), session.expiresAt(),
				session.clientAddress(), session.userAgent(), session.id().equals(currentSessionId));
	}
}
