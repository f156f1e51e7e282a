package io.gatehouse.api.users;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gatehouse.users.User;

/** A user as the API shows it: the users list's columns and the rest of the account. */
public record UserJson(UUID id, String username, String email, boolean emailVerified, String firstName,
		String lastName, String displayName, String department, String timeZone, String status, boolean active,
		String source, String externalId, boolean mustChangePassword, List<String> roles, Instant lastLoginAt,
		Instant createdAt, Instant updatedAt, long version) {

	/**
	 * Made by {@link UserViews}, which reads the roles.
	 *
	 * @param roles the user's roles as {@code Workspace: Role}, for the list's Role column */
	public static UserJson of(User user, List<String> roles) {
		return new UserJson(user.id(), user.username(), user.email(), user.emailVerified(), user.firstName(),
				user.lastName(), user.displayName(), user.department(), user.timeZone(), user.status().code(),
				user.isActive(), user.source().code(), user.externalId(), user.mustChangePassword(), roles,
				user.lastLoginAt(), user.createdAt(), user.updatedAt(), user.version());
	}
}
