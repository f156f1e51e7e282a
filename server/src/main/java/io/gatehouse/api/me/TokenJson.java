package io.gatehouse.api.me;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gatehouse.tokens.PersonalAccessToken;

/**
 * A token as listed: name, recognisable prefix, dates and scope, never the secret. An empty {@code permissions}
 * and no {@code resource} mean the token may do whatever its user may.
 */
public record TokenJson(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt,
		Instant lastUsedAt, List<String> permissions, UUID resource) {

	public static TokenJson of(PersonalAccessToken token) {
		return new TokenJson(token.id(), token.name(), token.displayPrefix(), token.createdAt(), token.expiresAt(),
				token.lastUsedAt(), token.permissions(), token.resource());
	}
}
