package io.gatehouse.shared;

import java.util.function.Supplier;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes for which losing a race to another node or request is an answer, not an error: a job lease another node
 * took, a last-use mark another request with the same credential already wrote. At SERIALIZABLE (or REPEATABLE READ)
 * the loser fails instead of waiting or matching no row. On its own, that failure means "lost"; within a
 * transaction, which it has spoilt, it goes on to the caller's retry, which runs the transaction again whole.
 */
public final class LostRaces {

	private LostRaces() {
	}

	/** The write's answer, or {@code ifLost} when another writer got there first. */
	public static <T> T orElse(Supplier<T> write, T ifLost) {
		try {
			return write.get();
		}
		catch (PessimisticLockingFailureException ex) {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				throw ex;
			}
			return ifLost;
		}
	}

	/** A bookkeeping write whose loss does not matter: the winner's write serves both. */
	public static void ignore(Runnable write) {
		orElse(() -> {
			write.run();
			return null;
		}, null);
	}
}
