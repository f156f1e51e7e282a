package io.gatehouse.shared;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ids of the rows the current transaction created, for the checks that can then skip a round trip: a user made
 * a moment ago in this transaction exists, and no other node can hold anything cached about an id that has never
 * been committed. Outside a transaction nothing is remembered and nothing counts as new.
 */
public final class CreatedInTransaction {

	private static final Object KEY = CreatedInTransaction.class;

	private CreatedInTransaction() {
	}

	public static void remember(UUID id) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		@SuppressWarnings("unchecked")
		Set<UUID> ids = (Set<UUID>) TransactionSynchronizationManager.getResource(KEY);
		if (ids == null) {
			Set<UUID> created = new HashSet<>();
			TransactionSynchronizationManager.bindResource(KEY, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				// a transaction started inside this one (REQUIRES_NEW) cannot see these rows
				@Override
				public void suspend() {
					TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
				}

				@Override
				public void resume() {
					TransactionSynchronizationManager.bindResource(KEY, created);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
				}
			});
			ids = created;
		}
		ids.add(id);
	}

	public static boolean contains(UUID id) {
		if (id == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
			return false;
		}
		@SuppressWarnings("unchecked")
		Set<UUID> ids = (Set<UUID>) TransactionSynchronizationManager.getResource(KEY);
		return ids != null && ids.contains(id);
	}
}
