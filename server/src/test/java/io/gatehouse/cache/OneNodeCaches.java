package io.gatehouse.cache;

import java.time.Duration;

import io.gatehouse.database.DatabaseProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.env.MockEnvironment;

/** Caches for a unit test of one node without a database: nothing to poll, and nobody to tell of a change. */
public final class OneNodeCaches {

	private OneNodeCaches() {
	}

	public static SharedCaches create() {
		CacheSettings settings = new CacheSettings(new MockEnvironment());
		return new SharedCaches(new ChangeStore(new SimpleDriverDataSource(), settings) {
			@Override
			void bump(ChangeArea area) {
			}
		}, new SimpleMeterRegistry(), settings, new DatabaseProbe(null, Duration.ofSeconds(1), Duration.ofSeconds(2)));
	}
}
