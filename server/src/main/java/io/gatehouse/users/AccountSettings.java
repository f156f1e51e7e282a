package io.gatehouse.users;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How accounts begin and end, and how long email links work. {@code delete} and {@code requireRoleOnCreate} are the
 * defaults of runtime settings; what applies is read through {@link AccountRuleSettings}.
 *
 * @param delete {@code allowed}: users can be deleted; {@code deactivate-only}: they are only ever
 * deactivated, their history kept
 * @param emailLinkExpiry how long an email-verification or email-change link works
 * @param requireRoleOnCreate whether a new user must be given at least one role binding or group (the new-user form
 * asks for a role); true unless set otherwise
 */
@ConfigurationProperties("gatehouse.users")
public record AccountSettings(DeletePolicy delete, Duration emailLinkExpiry, Boolean requireRoleOnCreate) {

	public enum DeletePolicy {
		ALLOWED, DEACTIVATE_ONLY
	}

	public AccountSettings {
		delete = delete == null ? DeletePolicy.ALLOWED : delete;
		emailLinkExpiry = emailLinkExpiry == null ? Duration.ofHours(48) : emailLinkExpiry;
		requireRoleOnCreate = requireRoleOnCreate == null || requireRoleOnCreate;
	}
}
