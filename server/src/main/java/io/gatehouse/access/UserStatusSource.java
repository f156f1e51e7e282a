package io.gatehouse.access;

import java.util.UUID;

/**
 * Whether a user may act at all (rule 1 of the house rule). Implemented by the module that owns accounts, so that
 * access depends on no other feature.
 */
public interface UserStatusSource {

	/** True when the user exists and is active. */
	boolean isActive(UUID userId);

	/** True when the user exists and is not deleted, whatever its status (a pending user can be given roles). */
	boolean exists(UUID userId);
}
