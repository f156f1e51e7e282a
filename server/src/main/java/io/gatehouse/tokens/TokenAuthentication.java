package io.gatehouse.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Checks a presented token: well-formed, known, not expired. No password hash on this path: one SHA-256 and at most
 * one indexed lookup a second per token, plus a last-used write at most once a minute per token.
 *
 * <p>
 * Known tokens are kept for a second: a client sending many requests reads its token once. A revocation on this
 * node takes effect at once; on other nodes within that second, the bound Gatehouse keeps for cross-node changes.
 */
@Service
public class TokenAuthentication {

	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private static final Duration LIFETIME = Duration.ofSeconds(1);

	private final Cache<String, PersonalAccessToken> known = Caffeine.newBuilder()
		.expireAfterWrite(LIFETIME)
		.maximumSize(100_000)
		.build();

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
		String hash = TokenFormat.hash(presented);
		PersonalAccessToken token = known.get(hash, key -> store.findBySecretHash(key).orElse(null));
		if (token == null) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		if (token.expiresAt() != null && !now.isBefore(token.expiresAt())) {
			return Optional.empty();
		}
		Instant stale = now.minus(LAST_USED_RESOLUTION);
		if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(stale)) {
			store.markUsed(token.id(), now, stale);
			// only if still known: a revocation meanwhile must not be undone
			known.asMap().computeIfPresent(hash, (key, cached) -> cached.usedAt(now));
		}
		return Optional.of(new TokenGrant(token.id(), token.userId()));
	}

	// revocations are rare: forgetting every token is simpler than indexing them by id, and costs one read each
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void forgetRevoked(TokenRevoked revoked) {
		known.invalidateAll();
	}
}
