package io.gatehouse.access;

import java.util.UUID;

import io.gatehouse.shared.DomainException;

/**
 * Whether a user may act at all (rule 1 of the house rule). Implemented by the module that owns accounts, so that
 * access depends on no other feature.
 */
public interface UserStatusSource {

	/** True when the user exists and is active. */
	boolean isActive(UUID userId);

	/** True when the user exists and is not deleted, whatever its status (a pending user can be given roles). */
	boolean exists(UUID userId);

	/** What reading a part of an unknown (or deleted) user answers: not found, as the user itself would. */
	default void requireExisting(UUID userId) {
		if (userId == null || !exists(userId)) {
			throw DomainException.notFound("user-not-found", "No user has this id.");
		}
	}
}
