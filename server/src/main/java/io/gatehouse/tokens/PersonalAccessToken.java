package io.gatehouse.tokens;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A token as listed: everything but the secret, which exists only in the creator's hands.
 *
 * @param permissions the permission patterns the token is limited to; empty: whatever its user may do
 * @param resource the subtree the token is limited to; null: anywhere its user may act
 */
public record PersonalAccessToken(UUID id, UUID userId, String name, String displayPrefix, Instant createdAt,
		Instant expiresAt, Instant lastUsedAt, List<String> permissions, UUID resource) {

	public PersonalAccessToken {
		permissions = permissions == null ? List.of() : List.copyOf(permissions);
	}

	PersonalAccessToken usedAt(Instant at) {
		return new PersonalAccessToken(id, userId, name, displayPrefix, createdAt, expiresAt, at, permissions, resource);
	}

	public boolean scoped() {
		return !permissions.isEmpty() || resource != null;
	}
}
