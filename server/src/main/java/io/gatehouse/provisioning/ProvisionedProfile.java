package io.gatehouse.provisioning;

import java.util.Objects;

/**
 * What a SCIM client says of a user beyond the directory's fields.
 *
 * @param userName the client's userName when it is no Gatehouse username (an email, typically); null when the
 * username is the userName
 */
public record ProvisionedProfile(String userName, String employeeNumber, String managerId) {

	static final ProvisionedProfile NONE = new ProvisionedProfile(null, null, null);

	boolean isEmpty() {
		return userName == null && employeeNumber == null && managerId == null;
	}

	/** Part of the SCIM version: these fields change no user row, yet a client must see them change the ETag. */
	int fingerprint() {
		return Objects.hash(userName, employeeNumber, managerId);
	}
}
