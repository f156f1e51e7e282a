package io.gatehouse.provisioning;

import io.gatehouse.users.User;

/** A user as SCIM shows it: the directory's account and what provisioning keeps beside it. */
public record ProvisionedUser(User user, ProvisionedProfile profile) {

	/** The SCIM userName: what the client sent when it was no Gatehouse username, else the username. */
	public String userName() {
		return profile.userName() != null ? profile.userName() : user.username();
	}

	/** {@code meta.version}: moves with the account's version and with the provisioning fields. */
	public String version() {
		return "W/\"" + user.version() + "-" + Integer.toHexString(profile.fingerprint()) + "\"";
	}
}
