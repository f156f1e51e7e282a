package io.gatehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transaction template services are given: a transaction it starts that loses a race in the database (a
 * serialization failure or a deadlock) runs again whole, as {@link TransientFailureRetry} does for
 * {@code @Transactional} methods, so that a write made through the template (a failed sign-in's record, a token
 * issued) is not answered 409 or 500 merely for running beside another. Within a transaction already begun it only
 * joins: the outermost one is retried, never part of one.
 */
final class RetryingTransactionTemplate extends TransactionTemplate {

	private static final Logger log = LoggerFactory.getLogger(RetryingTransactionTemplate.class);

	RetryingTransactionTemplate(PlatformTransactionManager transactions) {
		super(transactions);
	}

	@Override
	public <T> T execute(TransactionCallback<T> action) throws TransactionException {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return super.execute(action);
		}
		for (int attempt = 1;; attempt++) {
			try {
				return super.execute(action);
			}
			catch (RuntimeException ex) {
				if (!TransientFailureRetry.lostARace(ex)) {
					throw ex;
				}
				if (attempt >= TransientFailureRetry.ATTEMPTS) {
					throw TransientFailureRetry.gaveUp(ex);
				}
				log.info("A transaction lost a race in the database; running it again: {}", ex.getMessage());
				try {
					TransientFailureRetry.pause(attempt);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}
}
