package io.gatehouse.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.users.User;

/**
 * A session just created at sign-in. {@code secret} goes into the cookie and is stored nowhere else.
 *
 * @param mfaEnrolmentRequired the instance requires a second factor this user lacks: until they enrol one, the
 * session only reaches the enrolment endpoints
 */
public record StartedSession(User user, UUID sessionId, String secret, Instant expiresAt,
		boolean mfaEnrolmentRequired) implements SignInStep {

	/** What a cookie write of this session must echo, for the whole life of the session. */
	public String csrfToken() {
		return SessionCsrf.tokenOf(secret);
	}

	public Optional<SessionRestriction> restriction() {
		return SessionRestriction.of(user, mfaEnrolmentRequired);
	}
}
