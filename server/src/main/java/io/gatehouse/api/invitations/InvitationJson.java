package io.gatehouse.api.invitations;

import java.time.Instant;
import java.util.UUID;

import io.gatehouse.users.Invitation;

/** A pending invitation; its id is the pending user's id. */
record InvitationJson(UUID id, String email, String username, String status, String invitedBy, Instant invitedAt,
		Instant expiresAt, int sentCount) {

	static InvitationJson of(Invitation invitation) {
		return new InvitationJson(invitation.user().id(), invitation.user().email(), invitation.user().username(),
				invitation.user().status().code(), invitation.invitedBy(), invitation.invitedAt(),
				invitation.expiresAt(), invitation.sentCount());
	}
}
