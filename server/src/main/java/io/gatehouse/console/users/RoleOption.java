package io.gatehouse.console.users;

import java.util.UUID;

import io.gatehouse.groups.RoleGrant;
import io.gatehouse.shared.DomainException;

/**
 * One choice of the User Roles field: a role at a resource, labelled {@code Workspace: Role} like the list's Role
 * column, sent as {@code roleId:resourceId}.
 */
public record RoleOption(String value, String label, String resource) {

	static RoleOption of(UUID roleId, String roleName, UUID resourceId, String resourceName) {
		return new RoleOption(roleId + ":" + resourceId, resourceName + ": " + roleName, resourceName);
	}

	static String value(UUID roleId, UUID resourceId) {
		return roleId + ":" + resourceId;
	}

	static RoleGrant parse(String value, int index) {
		int colon = value == null ? -1 : value.indexOf(':');
		try {
			if (colon > 0) {
				return new RoleGrant(UUID.fromString(value.substring(0, colon)), UUID.fromString(value.substring(colon + 1)));
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below, like any other malformed choice
		}
		throw DomainException.invalidField("bindings[" + index + "]", "type", "is not a role of this form");
	}
}
