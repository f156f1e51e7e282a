package io.gatehouse.api.me;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code expiresAt} absent: the default lifetime; {@code neverExpires}: no expiry, where the settings allow it.
 * {@code permissions} ({@code area:action} patterns) and {@code resource} (a subtree) limit the token; absent,
 * it may do whatever its user may.
 */
record CreateTokenRequest(String name, Instant expiresAt, Boolean neverExpires, List<String> permissions,
		UUID resource) {
}
