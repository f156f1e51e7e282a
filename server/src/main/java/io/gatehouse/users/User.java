package io.gatehouse.users;

import java.time.Instant;
import java.util.UUID;

/** A user account as the directory holds it. Never carries the password hash. */
public record User(UUID id, String username, String email, boolean emailVerified, String firstName, String lastName,
		String displayName, String department, String timeZone, UserStatus status, UserSource source,
		String externalId, boolean mustChangePassword, Instant lastLoginAt, Instant createdAt, Instant updatedAt,
		long version) {

	public boolean isActive() {
		return status == UserStatus.ACTIVE;
	}
}
