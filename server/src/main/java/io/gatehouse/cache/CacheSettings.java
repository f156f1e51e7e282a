package io.gatehouse.cache;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How often a node reads the change table: {@code gatehouse.cache.poll-interval}, 1 s by default. Each cache had a
 * poll of its own before, and an installation may still set one of their properties: the first of them that is set
 * is used, with a warning, until the new name is.
 */
@Component
class CacheSettings {

	static final String PROPERTY = "gatehouse.cache.poll-interval";

	static final List<String> FORMER = List.of("gatehouse.access.epoch-poll", "gatehouse.allowlist.epoch-poll",
			"gatehouse.settings.poll-interval");

	private static final Logger log = LoggerFactory.getLogger(CacheSettings.class);

	private final Duration pollInterval;

	CacheSettings(Environment environment) {
		this.pollInterval = resolve(Binder.get(environment));
	}

	Duration pollInterval() {
		return pollInterval;
	}

	private static Duration resolve(Binder binder) {
		Duration configured = binder.bind(PROPERTY, Duration.class).orElse(null);
		for (String former : FORMER) {
			Duration value = binder.bind(former, Duration.class).orElse(null);
			if (value != null) {
				log.warn("{} is no longer read separately: {} applies to every cache{}", former, PROPERTY,
						configured == null ? " (" + value + " from " + former + " until it is set)" : "");
				configured = configured == null ? value : configured;
			}
		}
		Duration interval = configured == null ? Duration.ofSeconds(1) : configured;
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalStateException(PROPERTY + " must be positive, not " + interval);
		}
		return interval;
	}
}
