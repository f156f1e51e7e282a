package io.gatehouse.console.users;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.gatehouse.groups.RoleGrant;
import io.gatehouse.users.Invite;

/**
 * The invitation form ("their email and role"), with the groups they join and, optionally, their first and last
 * name: the account is made with them, and the person may change them after accepting.
 *
 * @param bindings the chosen roles as {@code roleId:resourceId}, as on the user form
 */
record InviteForm(String email, String username, String firstName, String lastName, List<String> bindings,
		List<UUID> groups) {

	InviteForm {
		bindings = bindings == null ? List.of() : bindings;
		groups = groups == null ? List.of() : groups;
	}

	static InviteForm blank() {
		return new InviteForm(null, null, null, null, List.of(), List.of());
	}

	Invite invite() {
		return new Invite(email, blankAsNull(username), blankAsNull(firstName), blankAsNull(lastName), groups,
				List.of(), grants(bindings));
	}

	private static String blankAsNull(String value) {
		return value == null || value.isBlank() ? null : value;
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
