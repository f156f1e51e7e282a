package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;

/** The user can no longer sign in; listeners end what must end with it (sessions) in the same transaction. */
public record UserDeactivated(Actor actor, UUID userId) implements UserEvent, AccessRelevantChange {

	@Override
	public String action() {
		return "user.deactivated";
	}

	@Override
	public UUID affectedUser() {
		return userId;
	}
}
