package io.gatehouse.api.me;

import java.time.Instant;

/** {@code expiresAt} absent: the default lifetime; {@code neverExpires}: no expiry, where the settings allow it. */
record CreateTokenRequest(String name, Instant expiresAt, Boolean neverExpires) {
}
