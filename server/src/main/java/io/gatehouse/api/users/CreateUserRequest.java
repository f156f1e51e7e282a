package io.gatehouse.api.users;

import io.gatehouse.users.CreateUser;

/** The body of {@code POST /api/v1/users}. */
record CreateUserRequest(String username, String email, String password, String firstName, String lastName,
		String displayName, String department, String timeZone, Boolean active, Boolean mustChangePassword) {

	CreateUser command() {
		return new CreateUser(username, email, password, firstName, lastName, displayName, department, timeZone,
				active, mustChangePassword);
	}
}
