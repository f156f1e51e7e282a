package io.gatehouse.users;

import java.util.List;
import java.util.UUID;

import io.gatehouse.groups.RoleGrant;

/**
 * What an administrator supplies to invite someone: the email (required), optionally a username (inferred from the
 * email otherwise) and names, and what the person may do once they join: groups and role bindings, applied with the
 * invitation. {@code roles} is the short form of bindings at the instance, "email and role".
 */
public record Invite(String email, String username, String firstName, String lastName, List<UUID> groups,
		List<UUID> roles, List<RoleGrant> bindings) {

	public Invite {
		groups = groups == null ? List.of() : groups;
		roles = roles == null ? List.of() : roles;
		bindings = bindings == null ? List.of() : bindings;
	}
}
