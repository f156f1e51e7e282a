package io.gatehouse.users;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The active users that requests authenticate as, kept for a second so that a burst of requests of one user reads
 * the account once. This node forgets a user as soon as a change to them commits (deactivation, a new password
 * to be changed, ...); other nodes see the change within {@link #LIFETIME}, the bound Gatehouse keeps for every
 * cross-node change (see the access epoch). Only active users are kept, so nothing negative is ever cached.
 */
@Component
class ActiveUserCache {

	static final Duration LIFETIME = Duration.ofSeconds(1);

	private final Cache<UUID, User> users = Caffeine.newBuilder()
		.expireAfterWrite(LIFETIME)
		.maximumSize(100_000)
		.build();

	private final UserStore repository;

	ActiveUserCache(UserStore repository) {
		this.repository = repository;
	}

	Optional<User> findActive(UUID id) {
		// a load in flight when a change commits finishes before the invalidation below removes it
		return Optional.ofNullable(users.get(id, key -> repository.findById(key).filter(User::isActive).orElse(null)));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void forget(UserEvent change) {
		forget(change.userId());
	}

	/** Called once a change to the user committed. */
	void forget(UUID userId) {
		users.invalidate(userId);
	}
}
