package io.gatehouse;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import io.gatehouse.shared.Admission;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a transactional service call again (up to four times) when its transaction lost a race in the database: a serialization
 * failure or a deadlock (SQLSTATE 40001, 40P01) says nothing about the request, only that another one ran at the same
 * moment, so the same transaction run again usually succeeds where a 500 would have been answered.
 *
 * Only at the outermost boundary, where no transaction is active yet: the whole transaction is re-run, never a part
 * of one that the database has already rolled back. The last failure is thrown as a concurrency failure, which the
 * front doors answer as a conflict to retry.
 */
final class TransientFailureRetry implements MethodInterceptor {

	private static final Logger log = LoggerFactory.getLogger(TransientFailureRetry.class);

	/**
	 * The first run and up to four more: under SERIALIZABLE, a burst of writers of one row loses again and again
	 * until the backoff spreads them out.
	 */
	static final int ATTEMPTS = 5;

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return invocation.proceed();
		}
		MethodInvocation next = invocation;
		for (int attempt = 1;; attempt++) {
			// the interceptors after this one (the transaction's among them) run again on a retry, from a copy taken
			// before they ran; the last attempt needs none
			MethodInvocation again = attempt < ATTEMPTS ? ((ProxyMethodInvocation) next).invocableClone() : null;
			try {
				return next.proceed();
			}
			catch (RuntimeException ex) {
				if (!lostARace(ex)) {
					throw ex;
				}
				if (again == null) {
					throw gaveUp(ex);
				}
				log.info("{} lost a race in the database; running its transaction again: {}",
						invocation.getMethod().getName(), ex.getMessage());
				pause(attempt);
				next = again;
			}
		}
	}

	/** The last attempt's failure, as the concurrency failure the front doors answer as a conflict to retry. */
	static RuntimeException gaveUp(RuntimeException ex) {
		return ex instanceof ConcurrencyFailureException ? ex : new CannotAcquireLockException(
				"The transaction lost a race in the database " + ATTEMPTS + " times", ex);
	}

	/**
	 * A few milliseconds, more each time, so that those that collided do not meet again the same way; a request
	 * waits them out without its place among the running ones, which others can use meanwhile.
	 */
	static void pause(int attempt) throws InterruptedException {
		long millis = ThreadLocalRandom.current().nextLong(5, 50) * attempt * attempt;
		Admission.outside(() -> Thread.sleep(millis));
	}

	/**
	 * A race the database lost on its own: a lock or serialization failure, not an optimistic check of the data a
	 * client read (that one fails again, since the data did change).
	 */
	static boolean lostARace(Throwable ex) {
		if (ex instanceof OptimisticLockingFailureException) {
			return false;
		}
		if (ex instanceof ConcurrencyFailureException) {
			return true;
		}
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && ("40001".equals(sql.getSQLState())
					|| "40P01".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}
}
