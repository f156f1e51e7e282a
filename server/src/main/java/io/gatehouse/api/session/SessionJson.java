package io.gatehouse.api.session;

import java.time.Instant;

import io.gatehouse.api.users.UserJson;

/**
 * The answer to a complete sign-in: who is signed in, until when at the latest, what they must do first, and the
 * CSRF token for cookie writes.
 */
record SessionJson(UserJson user, Instant expiresAt, boolean mustChangePassword, boolean mfaEnrolmentRequired,
		String csrfToken) {
}
