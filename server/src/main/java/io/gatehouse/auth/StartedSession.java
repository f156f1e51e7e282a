package io.gatehouse.auth;

import java.time.Instant;

import io.gatehouse.users.User;

/** A session just created at sign-in. {@code secret} goes into the cookie and is stored nowhere else. */
public record StartedSession(User user, java.util.UUID sessionId, String secret, Instant expiresAt) {
}
