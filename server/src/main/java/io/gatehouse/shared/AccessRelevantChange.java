package io.gatehouse.shared;

import java.util.UUID;

/**
 * Marks an event after which cached access decisions may be wrong (a user deactivated, a binding added...). The
 * access module listens for it without depending on the module that publishes it.
 */
public interface AccessRelevantChange {

	/**
	 * The one user whose decisions this change can alter (a binding of theirs, their membership, their status), so
	 * that the node that made it forgets that user only; null when it can alter anyone's.
	 */
	default UUID affectedUser() {
		return null;
	}

	/** A change to one user's own access, named by {@code userId}: only that user's decisions go stale. */
	interface OfOneUser extends AccessRelevantChange {

		UUID userId();

		@Override
		default UUID affectedUser() {
			return userId();
		}
	}
}
