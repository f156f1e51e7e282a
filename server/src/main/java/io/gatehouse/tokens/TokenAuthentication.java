package io.gatehouse.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import io.gatehouse.cache.ChangeArea;
import io.gatehouse.cache.SharedCaches;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Checks a presented token: well-formed, known, not expired. No password hash on this path: one SHA-256 and at most
 * one indexed lookup per token until a token is revoked, plus a last-used write at most once a minute per token.
 *
 * <p>
 * Known tokens are kept: a client sending many requests reads its token once. A revocation on this node takes effect
 * at once; on other nodes within the poll interval of the change table, the bound Gatehouse keeps for cross-node
 * changes.
 */
@Service
public class TokenAuthentication {

	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final Cache<String, PersonalAccessToken> known;

	private final TokenStore store;

	private final SharedCaches caches;

	private final Clock clock;

	private final MeterRegistry meters;

	TokenAuthentication(TokenStore store, SharedCaches caches, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.caches = caches;
		this.clock = clock;
		this.meters = meters;
		this.known = caches.cache("tokens", ChangeArea.TOKENS, 100_000);
	}

	public Optional<TokenGrant> authenticate(String presented) {
		if (!TokenFormat.isWellFormed(presented)) {
			return refused("malformed");
		}
		String hash = TokenFormat.hash(presented);
		PersonalAccessToken token = known.get(hash, key -> store.findBySecretHash(key).orElse(null));
		if (token == null) {
			return refused("unknown");
		}
		Instant now = clock.instant();
		if (token.expiresAt() != null && !now.isBefore(token.expiresAt())) {
			return refused("expired");
		}
		Instant stale = now.minus(LAST_USED_RESOLUTION);
		if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(stale)) {
			store.markUsed(token.id(), now, stale);
			// only if still known: a revocation meanwhile must not be undone
			known.asMap().computeIfPresent(hash, (key, cached) -> cached.usedAt(now));
		}
		return Optional.of(new TokenGrant(token.id(), token.userId()));
	}

	/** Counted by reason ({@code gatehouse_tokens_refused_total{reason}}): many unknown ones are someone guessing. */
	private Optional<TokenGrant> refused(String reason) {
		Counter.builder("gatehouse.tokens.refused")
			.description("Presented tokens refused, by reason")
			.tag("reason", reason)
			.register(meters)
			.increment();
		return Optional.empty();
	}

	@EventListener
	void countIssued(TokenCreated created) {
		Counter.builder("gatehouse.tokens.issued").description("Personal access tokens created").register(meters)
			.increment();
	}

	@EventListener
	void announce(TokenRevoked revoked) {
		caches.bump(ChangeArea.TOKENS);
	}

	// revocations are rare: forgetting every token is simpler than indexing them by id, and costs one read each
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void forgetRevoked(TokenRevoked revoked) {
		known.invalidateAll();
	}
}
