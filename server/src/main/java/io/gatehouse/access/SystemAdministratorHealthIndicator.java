package io.gatehouse.access;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code /actuator/health/readiness}): an instance without a System Administrator cannot be run by
 * anyone, so a load balancer should send it no traffic until the first one exists (the bootstrap makes one at the
 * first start, or another node is making it).
 *
 * Once one has been seen there is always one (the last cannot be removed), so the answer is kept and readiness
 * stops asking the database: it must answer at once while requests queue for the pool.
 */
@Component
class SystemAdministratorHealthIndicator implements HealthIndicator {

	private final SystemAdministratorStore administrators;

	SystemAdministratorHealthIndicator(SystemAdministratorStore administrators) {
		this.administrators = administrators;
	}

	private volatile boolean seen;

	@Override
	public Health health() {
		if (!seen) {
			seen = administrators.any();
		}
		return seen ? Health.up().build()
				: Health.down().withDetail("reason", "no System Administrator exists yet").build();
	}
}
