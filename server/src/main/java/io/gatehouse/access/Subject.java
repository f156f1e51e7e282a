package io.gatehouse.access;

import java.util.Objects;
import java.util.UUID;

/**
 * Who is asking: a user, through a session or through a token.
 *
 * @param tokenScope the token's limits; a session has none, and null is read as {@link TokenScope#unrestricted()}
 */
public record Subject(UUID userId, TokenScope tokenScope) {

	public Subject {
		Objects.requireNonNull(userId, "userId");
		tokenScope = tokenScope == null ? TokenScope.unrestricted() : tokenScope;
	}

	public static Subject session(UUID userId) {
		return new Subject(userId, TokenScope.unrestricted());
	}

	public static Subject token(UUID userId, TokenScope scope) {
		return new Subject(userId, scope);
	}
}
