package io.gatehouse.api.me;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gatehouse.tokens.IssuedToken;

/** A token just created. {@code token} is the secret: shown this once, not recoverable afterwards. */
record IssuedTokenJson(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt,
		List<String> permissions, UUID resource, String token) {

	static IssuedTokenJson of(IssuedToken issued) {
		return new IssuedTokenJson(issued.token().id(), issued.token().name(), issued.token().displayPrefix(),
				issued.token().createdAt(), issued.token().expiresAt(), issued.token().permissions(),
				issued.token().resource(), issued.secret());
	}
}
