package io.gatehouse.api.invitations;

import java.util.List;
import java.util.UUID;

import io.gatehouse.users.Invite;

/**
 * The body of {@code POST /api/v1/invitations}: who, and what they get when they join: groups, roles at the instance
 * ({@code roles}), and roles on resources ({@code bindings: [{role, resource}]}).
 */
record InviteRequest(String email, String username, String firstName, String lastName, List<UUID> groups,
		List<UUID> roles, List<Invite.RoleAt> bindings) {

	Invite command() {
		return new Invite(email, username, firstName, lastName, groups, roles, bindings);
	}
}
