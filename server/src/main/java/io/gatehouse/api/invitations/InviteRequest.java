package io.gatehouse.api.invitations;

import java.util.List;
import java.util.UUID;

import io.gatehouse.groups.RoleGrant;
import io.gatehouse.users.Invite;

/**
 * The body of {@code POST /api/v1/invitations}: who, and what they get when they join: groups, roles at the instance
 * ({@code roles}), and roles on resources ({@code bindings: [{roleId, resourceId}]}, as when a user is created).
 */
record InviteRequest(String email, String username, String firstName, String lastName, List<UUID> groups,
		List<UUID> roles, List<RoleGrant> bindings) {

	Invite command() {
		return new Invite(email, username, firstName, lastName, groups, roles, bindings);
	}
}
