package io.gatehouse.tokens;

import java.time.Instant;
import java.util.UUID;

/** A token as listed: everything but the secret, which exists only in the creator's hands. */
public record PersonalAccessToken(UUID id, UUID userId, String name, String displayPrefix, Instant createdAt,
		Instant expiresAt, Instant lastUsedAt) {
}
