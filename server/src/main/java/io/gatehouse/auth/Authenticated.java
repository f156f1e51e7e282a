package io.gatehouse.auth;

import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.users.User;

/**
 * A request's proven identity: the active user, and the session or token that proved it.
 *
 * @param mfaEnrolmentRequired the session may only enrol a second factor (see {@link StartedSession})
 */
public record Authenticated(User user, UUID sessionId, UUID tokenId, boolean mfaEnrolmentRequired) {

	public Actor actor(String clientIp) {
		return new Actor(user.id(), user.username(), clientIp, sessionId, tokenId);
	}

	public Optional<SessionRestriction> restriction() {
		return SessionRestriction.of(user, mfaEnrolmentRequired);
	}
}
