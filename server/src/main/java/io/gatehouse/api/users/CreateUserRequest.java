package io.gatehouse.api.users;

import java.util.List;
import java.util.UUID;

import io.gatehouse.groups.RoleGrant;
import io.gatehouse.users.CreateUser;

/**
 * The body of {@code POST /api/v1/users}: the identity fields, and the groups (ids) and role bindings
 * ({@code {roleId, resourceId}}, the instance when no resource) the user starts with, and the resource a reseller
 * account is confined to ({@code restrictionResourceId}, as {@code PUT /api/v1/users/{id}/restriction} sets it
 * later), set with the user or the user is not made.
 */
record CreateUserRequest(String username, String email, String password, String firstName, String lastName,
		String displayName, String department, String timeZone, Boolean active, Boolean mustChangePassword,
		List<UUID> groups, List<RoleGrant> bindings, UUID restrictionResourceId) {

	CreateUser command() {
		return new CreateUser(username, email, password, firstName, lastName, displayName, department, timeZone,
				active, mustChangePassword, groups, bindings, restrictionResourceId);
	}
}
