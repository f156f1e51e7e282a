package io.gatehouse.cache;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatehouse.database.DatabaseProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every per-node cache and how it stays fresh, in one place.
 * <ul>
 * <li>A module makes its caches here ({@link #cache}): Caffeine, bounded, with statistics under the cache's name in
 * the metrics ({@code cache.gets{cache=…}} and the rest), each tied to the area of the change table that its data
 * belongs to.</li>
 * <li>A write calls {@link #bump} in its own transaction, so the change and its notice commit together. The module
 * also forgets what it knows to be stale on this node once the change commits: visible here at once.</li>
 * <li>One task per node reads every area's version each poll interval; a cache whose area moved is emptied, and
 * whatever else was registered with {@link #onChange} runs: visible on every node within the interval.</li>
 * </ul>
 */
@Component
public class SharedCaches implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(SharedCaches.class);

	private final ChangeStore store;

	private final MeterRegistry meters;

	private final CacheSettings settings;

	private final Map<ChangeArea, List<Runnable>> listeners = new EnumMap<>(ChangeArea.class);

	// null until a poll succeeds: whatever was cached before then may predate a change, so the first poll drops all
	private volatile Map<ChangeArea, Long> seen;

	private int failedPolls;

	// whether the database's transactions each read one snapshot: null until the first poll asks
	private volatile Boolean snapshotPerTransaction;

	private final DatabaseProbe probe;

	SharedCaches(ChangeStore store, MeterRegistry meters, CacheSettings settings, DatabaseProbe probe) {
		this.store = store;
		this.probe = probe;
		this.meters = meters;
		this.settings = settings;
		for (ChangeArea area : ChangeArea.values()) {
			listeners.put(area, new CopyOnWriteArrayList<>());
		}
	}

	/**
	 * Whether what this thread reads from the database now may be kept in a cache. Not inside a transaction that
	 * reads from a snapshot of its own (REPEATABLE READ, SERIALIZABLE): that snapshot may be older than a change that
	 * committed, and emptied the caches, after the transaction began, and what it read would outlive the change. At
	 * READ COMMITTED (PostgreSQL's default, H2's) every statement sees what has committed, so anything may be kept.
	 */
	public boolean mayKeepWhatIsReadNow() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			return true;
		}
		Integer level = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
		if (level != null) {
			return level <= Connection.TRANSACTION_READ_COMMITTED;
		}
		// unknown until the first poll, which empties every cache anyway
		return !Boolean.TRUE.equals(snapshotPerTransaction);
	}

	/** A new cache of at most {@code maximumSize} entries, emptied whenever {@code area} changes on any node. */
	public <K, V> Cache<K, V> cache(String name, ChangeArea area, long maximumSize) {
		Cache<K, V> cache = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
		CaffeineCacheMetrics.monitor(meters, cache, name);
		onChange(area, cache::invalidateAll);
		return cache;
	}

	/** Runs {@code drop} whenever {@code area} changes on any node (this one included), after the change committed. */
	public void onChange(ChangeArea area, Runnable drop) {
		listeners.get(area).add(drop);
	}

	/**
	 * Tells every node that {@code area} changed; call inside the transaction of the change. The row is written just
	 * before the transaction commits (at once outside a transaction).
	 */
	public void bump(ChangeArea area) {
		PendingBumps pending = PendingBumps.current(store);
		if (pending == null) {
			store.bump(area);
		}
		else {
			pending.add(area);
		}
	}

	/**
	 * Bumps the area at once, and so holds its row until the transaction ends: for a writer of a one-slot area that
	 * relies on that lock to take turns with the others ({@link ChangeArea#ALLOWLIST}, {@link ChangeArea#SETTINGS}).
	 * Call it before anything else that takes a row of the change table in the transaction.
	 */
	public void bumpNow(ChangeArea area) {
		store.bump(area);
		PendingBumps pending = PendingBumps.current(store);
		if (pending != null) {
			pending.bumped(area);
		}
	}

	/** The area's version: it moves by one with each committed {@link #bump}. */
	public long version(ChangeArea area) {
		return store.version(area);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::poll, settings.pollInterval());
	}

	/**
	 * Never throws: a database that cannot be read leaves the caches as they are (the next successful poll drops
	 * what changed meanwhile) and is reported once, not at every poll.
	 */
	void poll() {
		if (!probe.reachable()) {
			// no thread waits out the pool's timeout each second: the probe says when to read again
			if (failedPolls++ == 0) {
				log.warn("The database cannot be reached: caches are kept until the change table can be read again");
			}
			return;
		}
		Map<ChangeArea, Long> versions;
		try {
			if (snapshotPerTransaction == null) {
				snapshotPerTransaction = store.snapshotPerTransaction();
			}
			versions = store.versions();
		}
		catch (RuntimeException ex) {
			if (failedPolls++ == 0) {
				log.warn("Cannot read the cache change table, caches are kept until it can be read again: {}",
						ex.toString());
			}
			return;
		}
		if (failedPolls > 0) {
			log.info("The cache change table can be read again after {} failed polls", failedPolls);
			failedPolls = 0;
		}
		Map<ChangeArea, Long> previous = seen;
		seen = versions;
		for (ChangeArea area : ChangeArea.values()) {
			if (previous == null || !Objects.equals(previous.get(area), versions.get(area))) {
				drop(area);
				if (previous != null) {
					recordLag(area);
				}
			}
		}
	}

	/**
	 * From the change's write to this poll dropping what it made stale: the bound a change made on another node takes
	 * to apply here ({@code gatehouse_cache_invalidation_lag_seconds{area}}). Node clocks are compared, so skew shows.
	 */
	private void recordLag(ChangeArea area) {
		Instant changed = store.changedAt(area);
		if (changed == null) {
			return;
		}
		Duration lag = Duration.between(changed, Instant.now());
		Timer.builder("gatehouse.cache.invalidation.lag")
			.description("From a change to this node's poll dropping what it made stale")
			.tag("area", area.key())
			.register(meters)
			.record(lag.isNegative() ? Duration.ZERO : lag);
	}

	private void drop(ChangeArea area) {
		for (Runnable listener : listeners.get(area)) {
			try {
				listener.run();
			}
			catch (RuntimeException ex) {
				log.warn("Dropping the {} cache failed: {}", area.key(), ex.toString());
			}
		}
	}
}
