package io.gatehouse.users;

import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import io.gatehouse.cache.ChangeArea;
import io.gatehouse.cache.SharedCaches;
import io.gatehouse.shared.CreatedInTransaction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The active users that requests authenticate as, kept so that a burst of requests of one user reads the account
 * once. This node forgets a user as soon as a change to them commits (deactivation, a new password to be changed,
 * ...); other nodes see the change within the poll interval of the change table, the bound Gatehouse keeps for every
 * cross-node change. Only active users are kept, so nothing negative is ever cached.
 */
@Component
class ActiveUserCache {

	private final Cache<UUID, User> users;

	private final UserStore repository;

	private final SharedCaches caches;

	ActiveUserCache(UserStore repository, SharedCaches caches) {
		this.repository = repository;
		this.caches = caches;
		this.users = caches.cache("active-users", ChangeArea.USERS, 100_000);
	}

	Optional<User> findActive(UUID id) {
		// a load in flight when a change commits finishes before the invalidation below removes it
		return Optional.ofNullable(users.get(id, key -> repository.findById(key).filter(User::isActive).orElse(null)));
	}

	/** In the transaction of the change: nothing of a user it created can be cached anywhere yet. */
	@EventListener
	void announce(UserEvent change) {
		announce(change.userId());
	}

	/** Called in the transaction of a change to the user that publishes no {@link UserEvent}. */
	void announce(UUID userId) {
		if (!CreatedInTransaction.contains(userId)) {
			caches.bump(ChangeArea.USERS);
		}
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
