package io.gatehouse.api.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
			else if (!EDITABLE.contains(field)) {
				violations.add(new FieldViolation(field, "unknown-field", "is not a field of a user"));
			}
			else if (entry.getValue() != null && !(entry.getValue() instanceof String)) {
				violations.add(new FieldViolation(field, "type", "must be a string or null"));
			}
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid("validation-failed", "The patch has invalid fields.", violations);
		}
		return new UpdateUser(change(body, "username"), change(body, "email"), change(body, "firstName"),
				change(body, "lastName"), change(body, "displayName"), change(body, "department"),
				change(body, "timeZone"), expectedVersion);
	}

	private static Change<String> change(Map<String, Object> body, String field) {
		return body.containsKey(field) ? Change.to((String) body.get(field)) : Change.none();
	}
}
