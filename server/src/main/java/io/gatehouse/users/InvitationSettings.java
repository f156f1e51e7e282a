package io.gatehouse.users;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param expiry how long an invitation link works; a resend starts the period again */
@ConfigurationProperties("gatehouse.invitations")
public record InvitationSettings(Duration expiry) {

	public InvitationSettings {
		expiry = expiry == null ? Duration.ofDays(7) : expiry;
	}
}
