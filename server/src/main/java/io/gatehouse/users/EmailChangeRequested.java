package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;

/** A confirmation link went to a new address; the current one stays in force until it is used. */
public record EmailChangeRequested(Actor actor, UUID userId) implements UserEvent {

	@Override
	public String action() {
		return "user.email-change-requested";
	}
}
