package io.gatehouse.access;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.gatehouse.cache.ChangeArea;
import io.gatehouse.cache.SharedCaches;
import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.CreatedInTransaction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Answers "may this subject do this there?" by the house rule ({@link PolicyEvaluator}), from an in-memory
 * generation of the access graph and a cache of decisions.
 *
 * Correctness first: every change that can alter a decision publishes an {@link AccessRelevantChange}. In its
 * transaction the access area of the change table is bumped; after it commits, this node forgets what the change
 * can alter at once, and every node starts a new generation when its next poll sees the area move (within the poll
 * interval, a second by default).
 */
@Service
public class AccessPolicy {

	// bounds on what the caches keep, so memory stays flat whatever the directory size
	private static final int MAX_ENTRIES = 100_000;

	private final AccessGraphStore store;

	private final UserStatusSource users;

	private final SharedCaches caches;

	private final AccessGeneration.AccessCaches entries;

	private final AtomicLong generations = new AtomicLong();

	private volatile AccessGeneration current;

	AccessPolicy(AccessGraphStore store, UserStatusSource users, SharedCaches caches) {
		this.store = store;
		this.users = users;
		this.caches = caches;
		this.entries = new AccessGeneration.AccessCaches(
				caches.cache("access.decisions", ChangeArea.ACCESS, MAX_ENTRIES),
				caches.cache("access.users", ChangeArea.ACCESS, MAX_ENTRIES),
				caches.cache("access.paths", ChangeArea.ACCESS, MAX_ENTRIES),
				caches.cache("access.labels", ChangeArea.ACCESS, MAX_ENTRIES));
		caches.onChange(ChangeArea.ACCESS, this::startAfresh);
	}

	public AccessDecision check(Subject subject, Permission permission, UUID resourceId) {
		AccessGeneration generation = generation();
		boolean cacheable = subject.tokenScope().isUnrestricted() && resourceId != null;
		AccessGeneration.DecisionKey key = cacheable ? generation.decisionKey(subject.userId(), permission, resourceId)
				: null;
		if (cacheable) {
			AccessDecision cached = generation.decision(key);
			if (cached != null) {
				return cached;
			}
		}
		AccessDecision decision = new PolicyEvaluator(generation).check(subject, permission, resourceId);
		if (cacheable) {
			generation.remember(key, decision);
		}
		return decision;
	}

	public boolean allows(Subject subject, Permission permission, UUID resourceId) {
		return check(subject, permission, resourceId).allowed();
	}

	/** Whether the user is a System Administrator, from the cached generation: cheap enough for every request. */
	public boolean isSystemAdministrator(UUID userId) {
		UserAccess access = generation().user(userId);
		return access != null && access.systemAdministrator();
	}

	/** Whether the resource exists, from the cached generation's path to it (a deleted one has none). */
	boolean resourceExists(UUID resourceId) {
		return resourceId != null && !generation().pathToRoot(resourceId).isEmpty();
	}

	/** The rule of granting, over the current generation: every answer it gives reads one consistent graph. */
	Authority authority() {
		AccessGeneration generation = generation();
		return new Authority(generation, generation.permissions());
	}

	/** The graph every check reads now. */
	AccessGraph graph() {
		return generation();
	}

	/** A built-in or custom role, as the current generation knows it; null if unknown. */
	RoleDefinition role(UUID roleId) {
		return generation().role(roleId);
	}

	/** The catalog's areas, with which are administrative, as the current generation knows them. */
	AreaCatalog areas() {
		return generation().areas();
	}

	/** What gives one user access, by name, as the current generation keeps it (see {@link RoleLabels}). */
	List<RoleLabelStore.Held> held(UUID userId, Supplier<List<RoleLabelStore.Held>> load) {
		return generation().held(userId, load);
	}

	/** The catalog's permissions, as the current generation knows them. */
	List<Permission> permissions() {
		return generation().permissions();
	}

	/**
	 * Not for a user this very transaction created (their first roles and groups): their id was never committed, so
	 * no node can have cached anything about them, and the other nodes keep their generations.
	 */
	@EventListener
	void announce(AccessRelevantChange change) {
		if (!CreatedInTransaction.contains(change.affectedUser())) {
			caches.bump(ChangeArea.ACCESS);
		}
	}

	/**
	 * A change to one user's access forgets that user; any other change, the whole generation. Either way the
	 * access area moved, so the next poll starts a new generation on every node too.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void forgetAfterCommit(AccessRelevantChange change) {
		AccessGeneration generation = current;
		UUID user = change.affectedUser();
		if (generation == null || user == null || !generation.forget(user)) {
			startAfresh();
		}
	}

	private void startAfresh() {
		current = null;
		entries.clear();
	}

	private AccessGeneration generation() {
		AccessGeneration generation = current;
		if (generation == null) {
			generation = new AccessGeneration(generations.incrementAndGet(), entries, store, users,
					caches::mayKeepWhatIsReadNow);
			current = generation;
		}
		return generation;
	}
}
