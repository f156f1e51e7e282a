package io.gatehouse.users;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How new users are made.
 *
 * @param requireRoleOnCreate whether a new user must be given at least one role binding or group (seeds 000 and
 * 001 ask for a role on the new-user form); true unless set otherwise
 */
@ConfigurationProperties("gatehouse.users")
public record UserCreationSettings(Boolean requireRoleOnCreate) {

	public UserCreationSettings {
		requireRoleOnCreate = requireRoleOnCreate == null || requireRoleOnCreate;
	}
}
