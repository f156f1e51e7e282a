package io.gatehouse.auth;

import java.time.Instant;

/**
 * The password was right and the user has a second factor: send {@code challenge} back with a code before
 * {@code expiresAt}. The challenge is stored only as a hash and works once.
 */
public record SecondFactorRequired(String challenge, Instant expiresAt) implements SignInStep {
}
