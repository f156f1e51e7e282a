package io.gatehouse.console.roles;

import java.util.List;

import io.gatehouse.roles.RoleSummary;

/** A custom role's name, description and the permissions ticked in the area × action table. */
record RoleForm(String name, String description, List<String> permissions) {

	RoleForm {
		permissions = permissions == null ? List.of() : permissions;
	}

	static RoleForm of(RoleSummary role) {
		return new RoleForm(role.name(), role.description(), role.permissions());
	}

	public boolean grants(String permission) {
		return permissions.contains(permission);
	}
}
