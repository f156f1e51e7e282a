package io.gatehouse.mfa;

/** Who must have a second factor before getting a full session. */
public enum MfaRequirement {
	/** Nobody: MFA is each user's choice. */
	NONE,
	/** Every user. */
	EVERYONE,
	/** System Administrators only. */
	SYSTEM_ADMINISTRATORS
}
