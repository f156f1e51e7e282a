package io.gatehouse.api.me;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gatehouse.shared.Change;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;

/**
 * Reads a JSON merge patch of one's own profile: the screen name and time zone. Any other field is refused by name, as
 * {@code PATCH /users/{id}} refuses one, so that a client never believes it changed what it cannot change here.
 */
final class MePatch {

	private static final Set<String> EDITABLE = Set.of("displayName", "timeZone");

	private static final Set<String> READ_ONLY = Set.of("id", "username", "emailVerified", "firstName", "lastName",
			"department", "status", "active", "source", "externalId", "mustChangePassword", "roles", "lastLoginAt",
			"createdAt", "updatedAt", "version");

	record Profile(Change<String> displayName, Change<String> timeZone) {
	}

	private MePatch() {
	}

	static Profile read(Map<String, Object> body) {
		List<FieldViolation> violations = new ArrayList<>();
		for (Map.Entry<String, Object> entry : body.entrySet()) {
			String field = entry.getKey();
			if (field.equals("email")) {
				violations.add(new FieldViolation(field, "read-only",
						"is changed with POST /api/v1/me/email, confirmed by a link to the new address"));
			}
			else if (READ_ONLY.contains(field)) {
				violations.add(new FieldViolation(field, "read-only", "cannot be changed here; an administrator can"));
			}
			else if (!EDITABLE.contains(field)) {
				violations.add(new FieldViolation(field, "unknown-field", "is not a field of your profile"));
			}
			else if (entry.getValue() != null && !(entry.getValue() instanceof String)) {
				violations.add(new FieldViolation(field, "type", "must be a string or null"));
			}
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid("validation-failed", "The patch has invalid fields.", violations);
		}
		return new Profile(change(body, "displayName"), change(body, "timeZone"));
	}

	private static Change<String> change(Map<String, Object> body, String field) {
		return body.containsKey(field) ? Change.to((String) body.get(field)) : Change.none();
	}
}
