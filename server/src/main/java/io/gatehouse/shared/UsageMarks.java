package io.gatehouse.shared;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A bookkeeping write made on the way through a request, outside any transaction: when a token or session was last
 * used. Two requests with the same credential write the same row at once; at SERIALIZABLE the second fails instead
 * of waiting, though the first one's mark serves both, so that failure is dropped rather than refusing the request.
 */
public final class UsageMarks {

	private UsageMarks() {
	}

	public static void write(Runnable mark) {
		try {
			mark.run();
		}
		catch (PessimisticLockingFailureException ex) {
			// within a transaction the failure has spoilt it: the caller's retry runs it again whole
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				throw ex;
			}
		}
	}
}
