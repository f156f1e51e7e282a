package io.gatehouse.users;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;

/** Inviting an address that already has a pending invitation: resend that one instead of making a second. */
class AlreadyInvited extends DomainException {

	private final UUID invitationId;

	AlreadyInvited(UUID invitationId) {
		super(Kind.CONFLICT, "already-invited", "This address already has a pending invitation; resend it with POST "
				+ "/api/v1/invitations/" + invitationId + "/resend.",
				List.of(new FieldViolation("email", "unique", "already has a pending invitation")));
		this.invitationId = invitationId;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("invitationId", invitationId.toString());
	}
}
