package io.gatehouse.cache;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The poll drops exactly the caches whose area moved, and a database that cannot be read changes nothing. */
class SharedCachesTests {

	private final FakeStore store = new FakeStore();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SharedCaches caches = new SharedCaches(store, meters,
			new CacheSettings(new MockEnvironment()), new io.gatehouse.database.DatabaseProbe(null, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2)));

	private final Cache<String, String> allowlist = caches.cache("allowlist", ChangeArea.ALLOWLIST, 10);

	private final Cache<String, String> tokens = caches.cache("tokens", ChangeArea.TOKENS, 10);

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(SharedCaches.class);

	SharedCachesTests() {
		log.start();
		logger.addAppender(log);
	}

	@AfterEach
	void detachLog() {
		logger.detachAppender(log);
	}

	@Test
	void theFirstPollDropsEverythingCachedBeforeIt() {
		allowlist.put("ada", "rules");
		tokens.put("gh_pat", "token");
		caches.poll();
		assertThat(allowlist.asMap()).isEmpty();
		assertThat(tokens.asMap()).isEmpty();
	}

	@Test
	void aMovedAreaDropsItsCachesAndWhatWasRegisteredForIt() {
		caches.poll();
		AtomicInteger dropped = new AtomicInteger();
		caches.onChange(ChangeArea.ALLOWLIST, dropped::incrementAndGet);
		allowlist.put("ada", "rules");
		tokens.put("gh_pat", "token");

		caches.poll();
		assertThat(allowlist.asMap()).as("nothing moved").containsKey("ada");

		store.move(ChangeArea.ALLOWLIST);
		caches.poll();
		assertThat(allowlist.asMap()).isEmpty();
		assertThat(dropped).hasValue(1);
		assertThat(tokens.asMap()).as("another area's cache").containsKey("gh_pat");
	}

	@Test
	void aFailingPollKeepsTheCachesAndSaysSoOnce() {
		caches.poll();
		allowlist.put("ada", "rules");
		store.failing = true;
		store.move(ChangeArea.ALLOWLIST);
		for (int i = 0; i < 5; i++) {
			caches.poll();
		}
		assertThat(allowlist.asMap()).containsKey("ada");
		assertThat(log.list).hasSize(1);
		assertThat(log.list.get(0).getFormattedMessage()).contains("Cannot read the cache change table");
		assertThat(log.list.get(0).getThrowableProxy()).as("one line, no stack trace").isNull();

		store.failing = false;
		caches.poll();
		assertThat(allowlist.asMap()).as("the change made during the outage").isEmpty();
	}

	@Test
	void eachCacheReportsItsStatisticsUnderItsName() {
		allowlist.get("ada", key -> "rules");
		allowlist.getIfPresent("ada");
		assertThat(meters.get("cache.gets").tag("cache", "allowlist").tag("result", "hit").functionCounter().count())
			.isEqualTo(1);
		assertThat(meters.get("cache.gets").tag("cache", "allowlist").tag("result", "miss").functionCounter().count())
			.isEqualTo(1);
	}

	@Test
	void aTransactionBumpsEachAreaOnceJustBeforeItCommitsInOneOrder() {
		TransactionSynchronizationManager.initSynchronization();
		TransactionSynchronizationManager.setActualTransactionActive(true);
		try {
			caches.bump(ChangeArea.USERS);
			caches.bumpNow(ChangeArea.SETTINGS);
			caches.bump(ChangeArea.ACCESS);
			caches.bump(ChangeArea.USERS);
			caches.bump(ChangeArea.SETTINGS);
			assertThat(store.bumps).containsExactly(ChangeArea.SETTINGS);

			TransactionSynchronizationUtils.triggerBeforeCommit(false);
			assertThat(store.bumps).containsExactly(ChangeArea.SETTINGS, ChangeArea.ACCESS, ChangeArea.USERS);
		}
		finally {
			TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_COMMITTED);
			TransactionSynchronizationManager.clear();
		}
	}

	@Test
	void outsideATransactionABumpIsWrittenAtOnce() {
		caches.bump(ChangeArea.TOKENS);
		assertThat(store.bumps).containsExactly(ChangeArea.TOKENS);
	}

	private static final class FakeStore extends ChangeStore {

		private final Map<ChangeArea, Long> versions = new EnumMap<>(ChangeArea.class);

		final List<ChangeArea> bumps = new ArrayList<>();

		volatile boolean failing;

		FakeStore() {
			super(new SimpleDriverDataSource(), new CacheSettings(new MockEnvironment()));
			for (ChangeArea area : ChangeArea.values()) {
				versions.put(area, 0L);
			}
		}

		void move(ChangeArea area) {
			versions.merge(area, 1L, Long::sum);
		}

		@Override
		Map<ChangeArea, Long> versions() {
			if (failing) {
				throw new DataAccessResourceFailureException("connection refused");
			}
			return new EnumMap<>(versions);
		}

		@Override
		void bump(ChangeArea area) {
			bumps.add(area);
			move(area);
		}

		@Override
		boolean snapshotPerTransaction() {
			return false;
		}
	}
}
