package io.gatehouse.users;

import java.time.Instant;
import java.util.UUID;

/**
 * A single-use link as stored: never the secret, only what it is for.
 *
 * @param emailAddress the address the link was mailed to and confirms (for a change: the new one)
 */
record Link(UUID id, UUID userId, Purpose purpose, String emailAddress, Instant expiresAt) {

	enum Purpose {
		INVITATION, EMAIL_VERIFICATION, EMAIL_CHANGE, PASSWORD_RESET
	}

	boolean expired(Instant now) {
		return !now.isBefore(expiresAt);
	}
}
