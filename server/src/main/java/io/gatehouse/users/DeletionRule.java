package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;

/**
 * Whether a user may be deleted for good, as far as the instance's policy and the person asking decide (authority
 * and ownership need the database and are checked after), and the tombstone a deleted account leaves.
 */
final class DeletionRule {

	/** Where a deleted account's unique columns point: free for reuse, and obviously no one's. */
	static final String DELETED_DOMAIN = "@deleted.invalid";

	private DeletionRule() {
	}

	/** The policy first: under deactivate-only nobody is deleted, whoever asks. */
	static void check(AccountSettings.DeletePolicy policy, Actor actor, UUID target) {
		if (policy == AccountSettings.DeletePolicy.DEACTIVATE_ONLY) {
			throw new DomainException(DomainException.Kind.CONFLICT, "deletion-disabled",
					"Users are not deleted on this instance (deletePolicy=deactivate-only); deactivate the user instead.");
		}
		if (actor.is(target)) {
			throw new DomainException(DomainException.Kind.CONFLICT, "cannot-delete-self",
					"You cannot delete your own account; ask another administrator.");
		}
	}

	/** The username a deleted account keeps, so that its own is free again. */
	static String tombstoneUsername(UUID id) {
		return "deleted-" + id;
	}

	static String tombstoneEmail(UUID id) {
		return tombstoneUsername(id) + DELETED_DOMAIN;
	}
}
