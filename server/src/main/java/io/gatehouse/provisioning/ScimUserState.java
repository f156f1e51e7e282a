package io.gatehouse.provisioning;

/**
 * Everything a SCIM client can set on a user, as one whole: a PUT, and the result of a PATCH applied to the current
 * state. Null means no value.
 */
public record ScimUserState(String userName, String email, String givenName, String familyName, String displayName,
		String timeZone, String externalId, boolean active, String department, String employeeNumber, String managerId,
		String password) {
}
