package io.gatehouse.users;

import java.util.Optional;
import java.util.UUID;

/**
 * The account rules in force at this moment. Implemented by the instance settings, which an administrator changes
 * at runtime; read at every use rather than once at start.
 */
public interface AccountRuleSettings {

	AccountSettings.DeletePolicy deletePolicy();

	/** Whether a new user must be given at least one role binding or group. */
	boolean requireRoleOnCreate();

	/** The role bound at the instance to a new user created without bindings or groups, if any. */
	Optional<UUID> defaultRole();

	SignInMode signInMode();
}
