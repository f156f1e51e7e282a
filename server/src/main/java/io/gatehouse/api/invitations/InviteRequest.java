package io.gatehouse.api.invitations;

import java.util.List;
import java.util.UUID;

import io.gatehouse.users.Invite;

/** The body of {@code POST /api/v1/invitations}: who, and the groups and roles they get when they join. */
record InviteRequest(String email, String username, String firstName, String lastName, List<UUID> groups,
		List<Invite.RoleAt> bindings) {

	Invite command() {
		return new Invite(email, username, firstName, lastName, groups, bindings);
	}
}
