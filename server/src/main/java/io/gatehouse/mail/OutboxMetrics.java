package io.gatehouse.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The outbox as operators watch it, read from the database so every node reports the same and a restart loses
 * nothing: mails waiting ({@code gatehouse_mail_queued}), the age of the oldest waiting one
 * ({@code gatehouse_mail_queue_age_seconds}: it grows when mail is not going out) and mails given up
 * ({@code gatehouse_mail_failed}, kept until the retention job deletes them). Read at most once every few seconds
 * however often they are scraped.
 */
@Component
class OutboxMetrics {

	private static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private final OutboxStore store;

	private final Clock clock;

	private volatile OutboxStore.Queue last;

	private volatile Instant readAt = Instant.MIN;

	OutboxMetrics(OutboxStore store, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.clock = clock;
		Gauge.builder("gatehouse.mail.queued", this, metrics -> metrics.queue().waiting())
			.description("Mails waiting to be delivered")
			.register(meters);
		Gauge.builder("gatehouse.mail.failed", this, metrics -> metrics.queue().failed())
			.description("Mails given up after the last attempt")
			.register(meters);
		Gauge.builder("gatehouse.mail.queue.age", this, OutboxMetrics::oldestAgeSeconds)
			.description("How long the oldest waiting mail has waited")
			.baseUnit("seconds")
			.register(meters);
	}

	private double oldestAgeSeconds() {
		Instant oldest = queue().oldest();
		return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
	}

	private OutboxStore.Queue queue() {
		Instant now = clock.instant();
		if (last == null || readAt.plus(FRESH_FOR).isBefore(now)) {
			try {
				last = store.queue();
				readAt = now;
			}
			catch (RuntimeException ex) {
				// a database that cannot be read leaves the last figures; a scrape must not fail for it
				if (last == null) {
					return new OutboxStore.Queue(0, null, 0);
				}
			}
		}
		return last;
	}
}
