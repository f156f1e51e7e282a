package io.gatehouse.settings;

import java.time.Duration;

/**
 * How long the retention jobs keep each kind of record.
 *
 * @param auditEvents null keeps audit events forever
 */
public record RetentionPeriods(Duration deliveredMail, Duration signInRecords, Duration expired, Duration auditEvents) {
}
