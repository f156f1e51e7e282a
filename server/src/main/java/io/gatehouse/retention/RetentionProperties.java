package io.gatehouse.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The defaults of the retention settings and how often the jobs run.
 *
 * @param deliveredMail 30 days by default
 * @param signInRecords 365 days by default: a year of sign-ins, the longest period Recent Activity shows
 * @param expired 30 days by default: an expired invitation stays listed (as expired, to resend or cancel) this long
 * @param auditEvents null (the default) keeps audit events forever
 * @param interval how often each job runs, on one node of all: 1 hour by default
 */
@ConfigurationProperties("gatehouse.retention")
public record RetentionProperties(Duration deliveredMail, Duration signInRecords, Duration expired,
		Duration auditEvents, Duration interval) {

	public RetentionProperties {
		deliveredMail = deliveredMail == null ? Duration.ofDays(30) : deliveredMail;
		signInRecords = signInRecords == null ? Duration.ofDays(365) : signInRecords;
		expired = expired == null ? Duration.ofDays(30) : expired;
		interval = interval == null ? Duration.ofHours(1) : interval;
	}
}
