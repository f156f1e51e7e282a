package io.gatehouse.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A session as its user (or an administrator) sees it; never its secret.
 *
 * @param clientAddress the address it was last used from
 */
public record SessionView(UUID id, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String clientAddress,
		String userAgent) {
}
