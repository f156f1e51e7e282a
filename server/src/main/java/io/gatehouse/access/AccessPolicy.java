package io.gatehouse.access;

import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Answers "may this subject do this there?" by the house rule ({@link PolicyEvaluator}), from an in-memory
 * generation of the access graph and a cache of decisions.
 *
 * Correctness first: every change that can alter a decision publishes an {@link AccessRelevantChange}. In its
 * transaction the shared epoch in the database is bumped; after it commits, this node drops its generation at
 * once, and the other nodes drop theirs when they next poll the epoch (within a second).
 */
@Service
public class AccessPolicy {

	private final AccessGraphStore store;

	private final UserStatusSource users;

	private volatile AccessGeneration current;

	AccessPolicy(AccessGraphStore store, UserStatusSource users) {
		this.store = store;
		this.users = users;
	}

	public AccessDecision check(Subject subject, Permission permission, UUID resourceId) {
		AccessGeneration generation = generation();
		boolean cacheable = subject.tokenScope().isUnrestricted() && resourceId != null;
		AccessGeneration.DecisionKey key = cacheable
				? new AccessGeneration.DecisionKey(subject.userId(), permission, resourceId) : null;
		if (cacheable) {
			AccessDecision cached = generation.decisions.get(key);
			if (cached != null) {
				return cached;
			}
		}
		AccessDecision decision = new PolicyEvaluator(generation).check(subject, permission, resourceId);
		if (cacheable && generation.hasRoomForDecisions()) {
			generation.decisions.put(key, decision);
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

	@EventListener
	void bumpSharedEpoch(AccessRelevantChange change) {
		store.bumpEpoch();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void forgetAfterCommit(AccessRelevantChange change) {
		current = null;
	}

	/** Another node's change reaches this one through the shared epoch. */
	@Scheduled(fixedDelayString = "${gatehouse.access.epoch-poll:PT1S}")
	void pollSharedEpoch() {
		AccessGeneration generation = current;
		if (generation != null && store.epoch() != generation.epoch) {
			current = null;
		}
	}

	private AccessGeneration generation() {
		AccessGeneration generation = current;
		if (generation == null) {
			generation = new AccessGeneration(store.epoch(), store, users);
			current = generation;
		}
		return generation;
	}
}
