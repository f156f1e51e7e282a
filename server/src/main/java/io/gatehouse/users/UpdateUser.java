package io.gatehouse.users;

import io.gatehouse.shared.Change;

/**
 * A partial update of the identity fields. {@code username} may only repeat the current one: it is fixed at
 * creation, and sending another value is refused naming the field.
 *
 * @param expectedVersion the version the client last saw ({@code If-Match}); {@code null} to skip the check
 */
public record UpdateUser(Change<String> username, Change<String> email, Change<String> firstName, Change<String> lastName,
		Change<String> displayName, Change<String> department, Change<String> timeZone, Long expectedVersion) {
}
