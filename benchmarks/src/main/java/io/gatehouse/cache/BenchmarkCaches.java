package io.gatehouse.cache;

import java.time.Duration;

import io.gatehouse.database.DatabaseProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.core.env.AbstractEnvironment;

/**
 * The caches of one node with no database behind them: nothing to poll, nobody to tell of a change, and a probe that
 * is never started (so the database counts as reachable).
 */
public final class BenchmarkCaches {

	private BenchmarkCaches() {
	}

	public static SharedCaches create() {
		CacheSettings settings = new CacheSettings(new AbstractEnvironment() {
		});
		return new SharedCaches(new ChangeStore(new SimpleDriverDataSource(), settings) {
			@Override
			void bump(ChangeArea area) {
			}
		}, new SimpleMeterRegistry(), settings, new DatabaseProbe(null, Duration.ofSeconds(1), Duration.ofSeconds(2)));
	}
}
