package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;

/**
 * The account is gone for good: its personal data scrubbed, its status {@code deleted}. Listeners remove what they
 * keep of the user (sessions, tokens) in the same transaction; the audit log keeps what the user did.
 *
 * @param invitation true when this was the cancellation of a pending invitation
 */
public record UserDeleted(Actor actor, UUID userId, boolean invitation) implements UserEvent, AccessRelevantChange {

	@Override
	public String action() {
		return invitation ? "user.invitation-cancelled" : "user.deleted";
	}
}
