package io.gatehouse;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

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
 * Runs a transactional service call a second time when its transaction lost a race in the database: a serialization
 * failure or a deadlock (SQLSTATE 40001, 40P01) says nothing about the request, only that another one ran at the same
 * moment, so the same transaction run again usually succeeds where a 500 would have been answered.
 *
 * Only at the outermost boundary, where no transaction is active yet: the whole transaction is re-run, never a part
 * of one that the database has already rolled back. A second failure is thrown as a concurrency failure, which the
 * front doors answer as a conflict to retry.
 */
final class TransientFailureRetry implements MethodInterceptor {

	private static final Logger log = LoggerFactory.getLogger(TransientFailureRetry.class);

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return invocation.proceed();
		}
		// the interceptors after this one (the transaction's among them) run again on the retry, from a copy taken
		// before they ran the first time
		MethodInvocation again = ((ProxyMethodInvocation) invocation).invocableClone();
		try {
			return invocation.proceed();
		}
		catch (RuntimeException ex) {
			if (!lostARace(ex)) {
				throw ex;
			}
			log.info("{} lost a race in the database; running its transaction again: {}",
					invocation.getMethod().getName(), ex.getMessage());
			// a few milliseconds apart, so that the two that deadlocked do not meet again the same way
			Thread.sleep(ThreadLocalRandom.current().nextLong(5, 50));
		}
		try {
			return again.proceed();
		}
		catch (RuntimeException ex) {
			if (lostARace(ex) && !(ex instanceof ConcurrencyFailureException)) {
				throw new CannotAcquireLockException("The transaction lost a race in the database twice", ex);
			}
			throw ex;
		}
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
