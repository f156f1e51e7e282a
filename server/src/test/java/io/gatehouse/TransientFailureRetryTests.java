package io.gatehouse;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule of the retry: once, of the whole transaction, for a race the database lost, and only at the outside. */
class TransientFailureRetryTests {

	static class Service {

		final AtomicInteger calls = new AtomicInteger();

		RuntimeException failure;

		int failures;

		@Transactional
		public String change() {
			if (calls.incrementAndGet() <= failures) {
				throw failure;
			}
			return "done";
		}
	}

	// stands for the transaction interceptor: a retry must go through it again, to start a new transaction
	private final AtomicInteger transactions = new AtomicInteger();

	private Service proxied(Service target) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(TransactionRetryConfiguration.transientFailureRetryAdvisor());
		factory.addAdvice((MethodInterceptor) invocation -> {
			transactions.incrementAndGet();
			return invocation.proceed();
		});
		return (Service) factory.getProxy();
	}

	private Service failing(RuntimeException failure, int times) {
		Service service = new Service();
		service.failure = failure;
		service.failures = times;
		return service;
	}

	@Test
	void aTransactionThatLostALockRaceOnceRunsAgainInANewTransaction() {
		Service target = failing(new CannotAcquireLockException("deadlock"), 1);
		assertThat(proxied(target).change()).isEqualTo("done");
		assertThat(target.calls).hasValue(2);
		assertThat(transactions).hasValue(2);
	}

	@Test
	void aSerializationFailureKnownOnlyByItsSqlStateRunsAgainToo() {
		Service target = failing(new UncategorizedSQLException("commit", "COMMIT",
				new SQLException("could not serialize access", "40001")), 1);
		assertThat(proxied(target).change()).isEqualTo("done");
		assertThat(target.calls).hasValue(2);
	}

	@Test
	void aTransactionThatLostTwiceRunsAThirdTimeEachInANewTransaction() {
		Service target = failing(new CannotAcquireLockException("could not serialize access"), 2);
		assertThat(proxied(target).change()).isEqualTo("done");
		assertThat(target.calls).hasValue(3);
		assertThat(transactions).hasValue(3);
	}

	@Test
	void aThirdFailureIsThrownAsAConcurrencyFailureTheFrontDoorsAnswerAsAConflict() {
		Service target = failing(new UncategorizedSQLException("update", "UPDATE",
				new SQLException("deadlock detected", "40P01")), Integer.MAX_VALUE);
		assertThatThrownBy(proxied(target)::change).isInstanceOf(CannotAcquireLockException.class);
		assertThat(target.calls).hasValue(TransientFailureRetry.ATTEMPTS);
	}

	@Test
	void otherFailuresAndOptimisticChecksAreNotRetried() {
		Service conflict = failing(new DataIntegrityViolationException("unique"), 1);
		assertThatThrownBy(proxied(conflict)::change).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(conflict.calls).hasValue(1);
		Service stale = failing(new OptimisticLockingFailureException("version"), 1);
		assertThatThrownBy(proxied(stale)::change).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(stale.calls).hasValue(1);
	}

	@Test
	void aCallInsideATransactionIsNotRetriedOnItsOwn() {
		// the database has rolled back the whole transaction: only its outermost call can run it again
		Service target = failing(new CannotAcquireLockException("deadlock"), 1);
		TransactionSynchronizationManager.setActualTransactionActive(true);
		try {
			assertThatThrownBy(proxied(target)::change).isInstanceOf(CannotAcquireLockException.class);
			assertThat(target.calls).hasValue(1);
		}
		finally {
			TransactionSynchronizationManager.setActualTransactionActive(false);
		}
	}
}
