package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;

/** The new address was confirmed and replaced the old one (neither is recorded: both are personal data). */
public record EmailChanged(Actor actor, UUID userId) implements UserEvent {

	@Override
	public String action() {
		return "user.email-changed";
	}
}
