package io.gatehouse;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two transactions that collide for real (under SERIALIZABLE on PostgreSQL one fails with 40001) both succeed: the
 * loser is run again as a whole, in a new transaction, instead of failing its request.
 */
class TransactionRetryIntegrationTests extends ApiIntegrationTest {

	/** A service as the features write them; made by the application's bean factory, so proxied as they are. */
	public static class Counter {

		private final JdbcClient jdbc;

		public Counter(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		/** Write skew: each reads how many rows there are, then adds one numbered after them. */
		@Transactional(isolation = Isolation.SERIALIZABLE)
		public void addNext(String key, CyclicBarrier firstAttempts, AtomicInteger attempts) throws Exception {
			int attempt = attempts.incrementAndGet();
			long before = jdbc.sql("SELECT COUNT(*) FROM retry_probe WHERE k = ?").param(key).query(Long.class)
				.single();
			if (attempt <= 2) {
				// both first attempts have read before either writes
				firstAttempts.await(10, TimeUnit.SECONDS);
			}
			jdbc.sql("INSERT INTO retry_probe (k, n) VALUES (?, ?)").params(key, before).update();
		}
	}

	@Autowired
	AutowireCapableBeanFactory beans;

	@Test
	void twoTransactionsThatCollideBothSucceedTheLoserRunAgain() throws Exception {
		jdbc.sql("CREATE TABLE IF NOT EXISTS retry_probe (k VARCHAR(64) NOT NULL, n BIGINT NOT NULL)").update();
		Counter counter = beans.createBean(Counter.class);
		String key = UUID.randomUUID().toString();
		CyclicBarrier firstAttempts = new CyclicBarrier(2);
		AtomicInteger attempts = new AtomicInteger();

		CompletableFuture<Void> one = CompletableFuture.runAsync(() -> add(counter, key, firstAttempts, attempts));
		CompletableFuture<Void> two = CompletableFuture.runAsync(() -> add(counter, key, firstAttempts, attempts));
		CompletableFuture.allOf(one, two).get(30, TimeUnit.SECONDS);

		List<Long> numbers = jdbc.sql("SELECT n FROM retry_probe WHERE k = ? ORDER BY n").param(key)
			.query(Long.class).list();
		if (TestDatabase.isPostgres()) {
			// one lost the race and ran again, after the winner's commit: it saw the winner's row
			assertThat(attempts).hasValue(3);
			assertThat(numbers).containsExactly(0L, 1L);
		}
		else {
			assertThat(numbers).hasSize(2);
		}
	}

	private static void add(Counter counter, String key, CyclicBarrier firstAttempts, AtomicInteger attempts) {
		try {
			counter.addNext(key, firstAttempts, attempts);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
