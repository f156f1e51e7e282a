package io.gatehouse.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.gatehouse.jobs.OnceAcrossNodes;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.Invitations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The retention jobs. Each runs on every node's schedule but does its work on one node per interval: the one that
 * takes the job's lease ({@link OnceAcrossNodes}). A job that fails is tried again at its next interval.
 */
@Component
public class RetentionJobs {

	private static final Logger log = LoggerFactory.getLogger(RetentionJobs.class);

	static final String DELIVERED_MAIL = "retention.delivered-mail";

	static final String SIGN_IN_RECORDS = "retention.sign-in-records";

	static final String EXPIRED = "retention.expired";

	static final String AUDIT_EVENTS = "retention.audit-events";

	private final RetentionStore store;

	private final OnceAcrossNodes once;

	private final RetentionSettings settings;

	private final Invitations invitations;

	private final RetentionProperties properties;

	private final Clock clock;

	RetentionJobs(RetentionStore store, OnceAcrossNodes once, RetentionSettings settings, Invitations invitations,
			RetentionProperties properties, Clock clock) {
		this.store = store;
		this.once = once;
		this.settings = settings;
		this.invitations = invitations;
		this.properties = properties;
		this.clock = clock;
	}

	// each node looks every minute whether a job is due; the lease makes one of them run it once per interval
	@Scheduled(fixedDelayString = "${gatehouse.retention.check-every:PT1M}",
			initialDelayString = "${gatehouse.retention.check-every:PT1M}")
	void runDue() {
		runDue(clock.instant());
	}

	/**
	 * Runs every job whose lease this node takes at {@code now}, and says how many rows each deleted (jobs another
	 * node holds are left out).
	 */
	public Map<String, Integer> runDue(Instant now) {
		Map<String, Integer> deleted = new LinkedHashMap<>();
		run(DELIVERED_MAIL, now, deleted, at -> store.deleteDeliveredMail(at.minus(settings.deliveredMailRetention())));
		run(SIGN_IN_RECORDS, now, deleted, at -> store.deleteSignInRecords(at.minus(settings.signInRecordRetention())));
		run(EXPIRED, now, deleted, this::deleteExpired);
		settings.auditRetention()
			.ifPresent(keep -> run(AUDIT_EVENTS, now, deleted, at -> store.deleteAuditEvents(at.minus(keep))));
		return deleted;
	}

	private int deleteExpired(Instant now) {
		Instant before = now.minus(settings.expiredRetention());
		int deleted = store.deleteExpiredSessions(before) + store.deleteExpiredChallenges(before)
				+ store.deleteExpiredLinks(before);
		for (UUID pending : store.expiredInvitations(before)) {
			try {
				// cancelled as an administrator would: the pending user goes, audited as done by the system
				invitations.cancel(Actor.system(), pending);
				deleted++;
			}
			catch (DomainException ex) {
				// accepted or cancelled meanwhile
			}
		}
		return deleted;
	}

	private void run(String job, Instant now, Map<String, Integer> deleted, Function<Instant, Integer> work) {
		Duration interval = properties.interval();
		try {
			if (!once.take(job, now, interval)) {
				return;
			}
			int count = work.apply(now);
			deleted.put(job, count);
			if (count > 0) {
				log.info("Retention job {} deleted {} rows", job, count);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Retention job {} failed; it runs again in {}: {}", job, interval, ex.getMessage());
		}
	}
}
