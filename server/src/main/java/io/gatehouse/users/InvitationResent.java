package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;

public record InvitationResent(Actor actor, UUID userId) implements UserEvent {

	@Override
	public String action() {
		return "user.invitation-resent";
	}
}
