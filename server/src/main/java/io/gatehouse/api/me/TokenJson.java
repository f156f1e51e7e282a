package io.gatehouse.api.me;

import java.time.Instant;
import java.util.UUID;

import io.gatehouse.tokens.PersonalAccessToken;

/** A token as listed: name, recognisable prefix and dates, never the secret. */
public record TokenJson(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt,
		Instant lastUsedAt) {

	public static TokenJson of(PersonalAccessToken token) {
		return new TokenJson(token.id(), token.name(), token.displayPrefix(), token.createdAt(), token.expiresAt(),
				token.lastUsedAt());
	}
}
