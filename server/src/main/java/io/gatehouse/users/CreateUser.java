package io.gatehouse.users;

/**
 * What an administrator supplies to create a user. Only {@code email} is required: the username is inferred
 * from it when absent, and without a password the account cannot sign in until one is set.
 */
public record CreateUser(String username, String email, String password, String firstName, String lastName,
		String displayName, String department, String timeZone, Boolean active, Boolean mustChangePassword) {

	public static CreateUser withEmail(String email) {
		return new CreateUser(null, email, null, null, null, null, null, null, null, null);
	}
}
