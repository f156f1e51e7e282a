package io.gatehouse.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Checks a presented token: well-formed, known, not expired. No password hash on this path: one SHA-256 and one
 * indexed lookup, plus a last-used write at most once a minute per token.
 */
@Service
public class TokenAuthentication {

	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final TokenStore store;

	private final Clock clock;

	TokenAuthentication(TokenStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	public Optional<TokenGrant> authenticate(String presented) {
		if (!TokenFormat.isWellFormed(presented)) {
			return Optional.empty();
		}
		Optional<PersonalAccessToken> found = store.findBySecretHash(TokenFormat.hash(presented));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		PersonalAccessToken token = found.get();
		Instant now = clock.instant();
		if (token.expiresAt() != null && !now.isBefore(token.expiresAt())) {
			return Optional.empty();
		}
		Instant stale = now.minus(LAST_USED_RESOLUTION);
		if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(stale)) {
			store.markUsed(token.id(), now, stale);
		}
		return Optional.of(new TokenGrant(token.id(), token.userId()));
	}
}
