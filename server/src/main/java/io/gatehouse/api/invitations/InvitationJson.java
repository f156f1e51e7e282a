package io.gatehouse.api.invitations;

import java.time.Instant;
import java.util.UUID;

import io.gatehouse.users.Invitation;

/** A pending invitation, expired or not (an expired one can be resent or cancelled); its id is the pending user's id. */
record InvitationJson(UUID id, String email, String username, String status, String invitedBy, Instant invitedAt,
		Instant expiresAt, boolean expired, int sentCount) {

	static InvitationJson of(Invitation invitation, Instant now) {
		return new InvitationJson(invitation.user().id(), invitation.user().email(), invitation.user().username(),
				invitation.user().status().code(), invitation.invitedBy(), invitation.invitedAt(),
				invitation.expiresAt(), invitation.expired(now), invitation.sentCount());
	}
}
