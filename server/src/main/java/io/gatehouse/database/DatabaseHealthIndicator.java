package io.gatehouse.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code /actuator/health/readiness}, as {@code database}): the probe's last result, read without
 * touching the database, so readiness answers at once and goes DOWN within a probe's timeout of an outage.
 */
@Component("database")
class DatabaseHealthIndicator implements HealthIndicator {

	private final DatabaseProbe probe;

	DatabaseHealthIndicator(DatabaseProbe probe) {
		this.probe = probe;
	}

	@Override
	public Health health() {
		return probe.reachable() ? Health.up().build()
				: Health.down().withDetail("reason", "the database cannot be reached").build();
	}
}
