package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.AuditedEvent;

/** An audited event about one user account: its target is that user. */
public interface UserEvent extends AuditedEvent {

	UUID userId();

	/** An event that carries the account as it is after the change. */
	interface WithAccount extends UserEvent {

		User user();

		@Override
		default UUID userId() {
			return user().id();
		}
	}

	/** A change of the user's status: only this user's cached access decisions go stale. */
	interface StatusChanged extends UserEvent, AccessRelevantChange {

		@Override
		default UUID affectedUser() {
			return userId();
		}
	}
}
