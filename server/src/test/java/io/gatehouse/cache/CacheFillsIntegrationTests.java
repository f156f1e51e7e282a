package io.gatehouse.cache;

import java.time.Duration;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What is read inside a transaction with a snapshot of its own is not kept in a cache: that snapshot may predate a
 * change that already emptied the caches. What is read at READ COMMITTED, or outside a transaction, is.
 */
class CacheFillsIntegrationTests extends ApiIntegrationTest {

	@Autowired
	SharedCaches caches;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void readsAtSnapshotIsolationAreNotKeptAndReadsAtReadCommittedAre() {
		assertThat(caches.mayKeepWhatIsReadNow()).as("outside a transaction").isTrue();
		assertThat(within(TransactionDefinition.ISOLATION_READ_COMMITTED)).as("read committed").isTrue();
		assertThat(within(TransactionDefinition.ISOLATION_REPEATABLE_READ)).as("repeatable read").isFalse();
		assertThat(within(TransactionDefinition.ISOLATION_SERIALIZABLE)).as("serializable").isFalse();
		// the database's default: READ COMMITTED unless the run set SERIALIZABLE on every connection
		boolean serializableRun = "serializable".equalsIgnoreCase(System.getProperty("gatehouse.test.pg.isolation",
				System.getenv().getOrDefault("GATEHOUSE_TEST_PG_ISOLATION", "")))
				&& "postgresql".equals(System.getProperty("gatehouse.test.db"));
		// known from the first poll of the change table on
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				within(TransactionDefinition.ISOLATION_DEFAULT)).as("the database's default").isEqualTo(!serializableRun));
	}

	private boolean within(int isolation) {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		transaction.setIsolationLevel(isolation);
		return Boolean.TRUE.equals(transaction.execute(status -> caches.mayKeepWhatIsReadNow()));
	}
}
