package io.gatehouse.api.session;

import java.time.Instant;

import io.gatehouse.api.users.UserJson;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a complete sign-in: who is signed in, until when at the latest, what they must do first, and the
 * CSRF token for cookie writes.
 */
// named apart from the session listing of api/users, so the OpenAPI document keeps both shapes
@Schema(name = "SignInJson")
record SessionJson(UserJson user, Instant expiresAt, boolean mustChangePassword, boolean mfaEnrolmentRequired,
		String csrfToken) {
}
