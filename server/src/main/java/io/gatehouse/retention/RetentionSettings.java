package io.gatehouse.retention;

import java.time.Duration;
import java.util.Optional;

/** How long each kind of record is kept, as in force at the moment of use (runtime settings). */
public interface RetentionSettings {

	/** Mails delivered (or given up) this long ago are deleted from the outbox. */
	Duration deliveredMailRetention();

	/** Sign-in records older than this are deleted. */
	Duration signInRecordRetention();

	/** Sessions, second-factor challenges, links and invitations expired this long ago are deleted. */
	Duration expiredRetention();

	/** Audit events older than this are deleted; empty keeps them forever. */
	Optional<Duration> auditRetention();
}
