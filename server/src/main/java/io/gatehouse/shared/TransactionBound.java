package io.gatehouse.shared;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State that lives as long as the current transaction: bound under a key on first use, hidden from a transaction
 * started inside it (REQUIRES_NEW), dropped when it completes. Subclasses add the transaction callbacks they need.
 */
public abstract class TransactionBound implements TransactionSynchronization {

	private final Object key;

	protected TransactionBound(Object key) {
		this.key = key;
	}

	/** The current transaction's state under the key, made on first use; null outside a transaction. */
	protected static <T extends TransactionBound> T current(Object key, Supplier<T> create) {
		if (!inTransaction()) {
			return null;
		}
		T state = existing(key);
		if (state == null) {
			state = create.get();
			TransactionSynchronizationManager.bindResource(key, state);
			TransactionSynchronizationManager.registerSynchronization(state);
		}
		return state;
	}

	/** The current transaction's state under the key if it has any; null otherwise. */
	@SuppressWarnings("unchecked")
	protected static <T extends TransactionBound> T existing(Object key) {
		return inTransaction() ? (T) TransactionSynchronizationManager.getResource(key) : null;
	}

	private static boolean inTransaction() {
		return TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive();
	}

	@Override
	public void suspend() {
		TransactionSynchronizationManager.unbindResourceIfPossible(key);
	}

	@Override
	public void resume() {
		TransactionSynchronizationManager.bindResource(key, this);
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(key);
	}
}
