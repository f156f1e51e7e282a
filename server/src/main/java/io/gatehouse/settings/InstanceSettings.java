package io.gatehouse.settings;

import java.time.Duration;
import java.util.UUID;

import io.gatehouse.access.AuthorizationMode;
import io.gatehouse.mfa.MfaRequirement;
import io.gatehouse.passwords.PasswordPreset;
import io.gatehouse.users.AccountSettings.DeletePolicy;
import io.gatehouse.users.SignInMode;

/**
 * The settings in force: every value an administrator may change at runtime.
 *
 * @param defaultRole null when new users get no role of their own
 */
public record InstanceSettings(PasswordPreset passwordPreset, DeletePolicy deletePolicy, boolean requireRoleOnCreate,
		UUID defaultRole, SignInMode signInMode, AuthorizationMode authorizationMode, MfaRequirement mfaRequired,
		Duration sessionIdleTimeout, Duration sessionAbsoluteTimeout, RetentionPeriods retention) {
}
