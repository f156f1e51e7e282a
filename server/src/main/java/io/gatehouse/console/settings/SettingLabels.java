package io.gatehouse.console.settings;

import java.util.Map;

import io.gatehouse.settings.SettingCodes;

/**
 * What the Settings page shows for each setting's code: words a person reads, while the form still posts the codes
 * the API speaks, so a saved page and a PATCH write the same values. A code with no label here shows as itself.
 * Public only for the template engine, which calls it by reflection.
 */
public final class SettingLabels {

	private static final Map<String, String> LABELS = Map.ofEntries(
			Map.entry(SettingCodes.PASSWORD_PRESET + ".complexity",
					"Complexity rules (8–60 characters, upper, lower, digit, special)"),
			Map.entry(SettingCodes.PASSWORD_PRESET + ".nist", "NIST SP 800-63B (at least 15 characters)"),
			Map.entry(SettingCodes.DELETE_POLICY + ".allowed", "Allow deleting users"),
			Map.entry(SettingCodes.DELETE_POLICY + ".deactivate-only", "Deactivate only (never delete)"),
			Map.entry(SettingCodes.REQUIRE_ROLE_ON_CREATE + ".true", "Required"),
			Map.entry(SettingCodes.REQUIRE_ROLE_ON_CREATE + ".false", "Not required"),
			Map.entry(SettingCodes.SIGN_IN_MODE + ".local", "Passwords kept here (local)"),
			Map.entry(SettingCodes.SIGN_IN_MODE + ".external", "External identity provider"),
			Map.entry(SettingCodes.AUTHORIZATION_MODE + ".local", "Managed here (local)"),
			Map.entry(SettingCodes.AUTHORIZATION_MODE + ".external", "From an external source (roles locked here)"),
			Map.entry(SettingCodes.MFA_REQUIRED + ".none", "Nobody (each user's choice)"),
			Map.entry(SettingCodes.MFA_REQUIRED + ".everyone", "Everyone"),
			Map.entry(SettingCodes.MFA_REQUIRED + ".system-administrators", "System Administrators only"));

	/** Called from the template: {@code labels.of('deletePolicy', 'deactivate-only')}. */
	public String of(String setting, String code) {
		return code == null ? null : LABELS.getOrDefault(setting + "." + code, code);
	}
}
