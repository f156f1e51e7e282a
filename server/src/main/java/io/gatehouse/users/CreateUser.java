package io.gatehouse.users;

import java.util.List;
import java.util.UUID;

import io.gatehouse.groups.RoleGrant;

/**
 * What an administrator supplies to create a user. The username is inferred from the email when absent, and
 * without a password the account cannot sign in until one is set.
 *
 * @param groups the groups the user joins
 * @param bindings the roles the user holds directly; with {@code groups}, at least one is needed unless the setting
 * {@code gatehouse.users.require-role-on-create} is off
 * @param restrictionResourceId the one resource subtree the user is confined to from the start (a reseller account),
 * set with the user or not at all; {@code null} for none
 */
public record CreateUser(String username, String email, String password, String firstName, String lastName,
		String displayName, String department, String timeZone, Boolean active, Boolean mustChangePassword,
		List<UUID> groups, List<RoleGrant> bindings, UUID restrictionResourceId) {

	public CreateUser {
		groups = groups == null ? List.of() : groups;
		bindings = bindings == null ? List.of() : bindings;
	}

	/** Without a restriction, as most accounts are made. */
	public CreateUser(String username, String email, String password, String firstName, String lastName,
			String displayName, String department, String timeZone, Boolean active, Boolean mustChangePassword,
			List<UUID> groups, List<RoleGrant> bindings) {
		this(username, email, password, firstName, lastName, displayName, department, timeZone, active,
				mustChangePassword, groups, bindings, null);
	}

	public static CreateUser withEmail(String email) {
		return new CreateUser(null, email, null, null, null, null, null, null, null, null, null, null);
	}
}
