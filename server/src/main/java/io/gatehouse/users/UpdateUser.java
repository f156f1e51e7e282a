package io.gatehouse.users;

import java.util.List;
import java.util.UUID;

import io.gatehouse.groups.RoleGrant;
import io.gatehouse.shared.Change;

/**
 * A partial update of the identity fields, and of the groups and roles. {@code username} may only repeat the current one: it is fixed at
 * creation, and sending another value is refused naming the field.
 *
 * @param groups when not null, the user's groups become exactly these
 * @param bindings when not null, the user's direct role bindings become exactly these
 * @param active when not null, the user is reactivated ({@code true}) or deactivated ({@code false}) with the rest of
 * the change, under the rules of {@link UserManagement#deactivate} and {@link UserManagement#reactivate}
 * @param expectedVersion the version the client last saw ({@code If-Match}); {@code null} to skip the check
 */
public record UpdateUser(Change<String> username, Change<String> email, Change<String> firstName, Change<String> lastName,
		Change<String> displayName, Change<String> department, Change<String> timeZone, List<UUID> groups,
		List<RoleGrant> bindings, Boolean active, Long expectedVersion) {
}
