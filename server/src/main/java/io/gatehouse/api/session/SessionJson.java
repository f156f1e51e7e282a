package io.gatehouse.api.session;

import java.time.Instant;

import io.gatehouse.api.users.UserJson;

/** The answer to a sign-in: who is signed in, until when at the latest, and the CSRF token for cookie writes. */
record SessionJson(UserJson user, Instant expiresAt, boolean mustChangePassword, String csrfToken) {
}
