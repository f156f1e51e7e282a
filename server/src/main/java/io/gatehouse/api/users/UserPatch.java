package io.gatehouse.api.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.groups.RoleGrant;
import io.gatehouse.shared.Change;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import io.gatehouse.users.UpdateUser;

/**
 * Reads a JSON merge patch (RFC 7396) of a user: a field absent is left alone, a field set to null is cleared.
 * Read as a map because a record cannot tell an absent field from a null one.
 */
final class UserPatch {

	private static final Set<String> EDITABLE = Set.of("username", "email", "firstName", "lastName", "displayName",
			"department", "timeZone");

	private static final Set<String> READ_ONLY = Set.of("id", "emailVerified", "source", "externalId", "roles",
			"lastLoginAt", "createdAt", "updatedAt", "version", "mustChangePassword");

	private UserPatch() {
	}

	static UpdateUser read(Map<String, Object> body, Long expectedVersion) {
		List<FieldViolation> violations = new ArrayList<>();
		for (Map.Entry<String, Object> entry : body.entrySet()) {
			String field = entry.getKey();
			if (field.equals("status") || field.equals("active")) {
				violations.add(new FieldViolation(field, "read-only",
						"is changed with POST /api/v1/users/{id}/deactivate or /reactivate"));
			}
			else if (READ_ONLY.contains(field)) {
				violations.add(new FieldViolation(field, "read-only", "cannot be changed"));
			}
			else if (field.equals("groups") || field.equals("bindings")) {
				continue;
			}
			else if (!EDITABLE.contains(field)) {
				violations.add(new FieldViolation(field, "unknown-field", "is not a field of a user"));
			}
			else if (entry.getValue() != null && !(entry.getValue() instanceof String)) {
				violations.add(new FieldViolation(field, "type", "must be a string or null"));
			}
		}
		List<UUID> groups = body.containsKey("groups") ? groups(body.get("groups"), violations) : null;
		List<RoleGrant> bindings = body.containsKey("bindings") ? bindings(body.get("bindings"), violations) : null;
		if (!violations.isEmpty()) {
			throw DomainException.invalid("validation-failed", "The patch has invalid fields.", violations);
		}
		return new UpdateUser(change(body, "username"), change(body, "email"), change(body, "firstName"),
				change(body, "lastName"), change(body, "displayName"), change(body, "department"),
				change(body, "timeZone"), groups, bindings, null, expectedVersion);
	}

	/** The user's groups, replaced as a whole; null (merge patch "remove") leaves the user in none. */
	private static List<UUID> groups(Object value, List<FieldViolation> violations) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> items)) {
			violations.add(new FieldViolation("groups", "type", "must be a list of group ids"));
			return List.of();
		}
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			UUID id = uuid(items.get(i));
			if (id == null) {
				violations.add(new FieldViolation("groups[" + i + "]", "type", "must be a group id"));
			}
			ids.add(id);
		}
		return ids;
	}

	/** The user's direct role bindings, replaced as a whole: {@code [{roleId, resourceId}]}. */
	private static List<RoleGrant> bindings(Object value, List<FieldViolation> violations) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> items)) {
			violations.add(new FieldViolation("bindings", "type", "must be a list of {roleId, resourceId}"));
			return List.of();
		}
		List<RoleGrant> grants = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String field = "bindings[" + i + "]";
			if (!(items.get(i) instanceof Map<?, ?> item)) {
				violations.add(new FieldViolation(field, "type", "must be {roleId, resourceId}"));
				continue;
			}
			UUID role = uuid(item.get("roleId"));
			if (role == null) {
				violations.add(new FieldViolation(field + ".roleId", "type", "must be a role id"));
			}
			UUID resource = item.get("resourceId") == null ? null : uuid(item.get("resourceId"));
			if (item.get("resourceId") != null && resource == null) {
				violations.add(new FieldViolation(field + ".resourceId", "type", "must be a resource id"));
			}
			grants.add(new RoleGrant(role, resource));
		}
		return grants;
	}

	private static UUID uuid(Object value) {
		try {
			return value instanceof String text ? UUID.fromString(text) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Change<String> change(Map<String, Object> body, String field) {
		return body.containsKey(field) ? Change.to((String) body.get(field)) : Change.none();
	}
}
