package io.gatehouse.scim;

import java.util.Map;

/** The SCIM attribute a directory field is known by, for error messages that name what the client sent. */
final class ScimNames {

	private static final Map<String, String> NAMES = Map.of("username", "userName", "email", "emails",
			"firstName", "name.givenName", "lastName", "name.familyName", "timeZone", "timezone", "department",
			"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");

	private ScimNames() {
	}

	static String of(String field) {
		return NAMES.getOrDefault(field, field);
	}
}
