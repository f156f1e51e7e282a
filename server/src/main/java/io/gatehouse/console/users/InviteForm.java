package io.gatehouse.console.users;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.gatehouse.groups.RoleGrant;
import io.gatehouse.users.Invite;

/**
 * The invitation form ("their email and role"), with the groups they join.
 *
 * @param bindings the chosen roles as {@code roleId:resourceId}, as on the user form
 */
record InviteForm(String email, String username, List<String> bindings, List<UUID> groups) {

	InviteForm {
		bindings = bindings == null ? List.of() : bindings;
		groups = groups == null ? List.of() : groups;
	}

	static InviteForm blank() {
		return new InviteForm(null, null, List.of(), List.of());
	}

	Invite invite() {
		return new Invite(email, username == null || username.isBlank() ? null : username, null, null, groups,
				List.of(), grants(bindings));
	}

	public boolean hasRole(String value) {
		return bindings.contains(value);
	}

	public boolean inGroup(UUID group) {
		return groups.contains(group);
	}

	static List<RoleGrant> grants(List<String> bindings) {
		List<RoleGrant> grants = new ArrayList<>();
		for (int i = 0; i < bindings.size(); i++) {
			grants.add(RoleOption.parse(bindings.get(i), i));
		}
		return grants;
	}
}
