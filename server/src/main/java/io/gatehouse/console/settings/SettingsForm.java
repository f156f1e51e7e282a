package io.gatehouse.console.settings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.gatehouse.settings.SettingCodes;
import org.springframework.boot.convert.DurationStyle;

/**
 * The Settings page's fields, as posted: every setting's code, durations as a person writes them ({@code 30m}), and
 * the version the page was read at.
 */
record SettingsForm(String passwordPreset, String deletePolicy, String requireRoleOnCreate, String defaultRole,
		String signInMode, String authorizationMode, String mfaRequired, String sessionIdleTimeout,
		String sessionAbsoluteTimeout, String deliveredMailRetention, String signInRecordRetention,
		String expiredRetention, String auditRetention, Long version) {

	static SettingsForm of(Map<String, String> codes, long version) {
		return new SettingsForm(codes.get(SettingCodes.PASSWORD_PRESET), codes.get(SettingCodes.DELETE_POLICY),
				codes.get(SettingCodes.REQUIRE_ROLE_ON_CREATE), codes.get(SettingCodes.DEFAULT_ROLE),
				codes.get(SettingCodes.SIGN_IN_MODE), codes.get(SettingCodes.AUTHORIZATION_MODE),
				codes.get(SettingCodes.MFA_REQUIRED), readable(codes.get(SettingCodes.SESSION_IDLE_TIMEOUT)),
				readable(codes.get(SettingCodes.SESSION_ABSOLUTE_TIMEOUT)),
				readable(codes.get(SettingCodes.DELIVERED_MAIL_RETENTION)),
				readable(codes.get(SettingCodes.SIGN_IN_RECORD_RETENTION)),
				readable(codes.get(SettingCodes.EXPIRED_RETENTION)), readable(codes.get(SettingCodes.AUDIT_RETENTION)),
				version);
	}

	public Map<String, String> values() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put(SettingCodes.PASSWORD_PRESET, passwordPreset);
		values.put(SettingCodes.DELETE_POLICY, deletePolicy);
		values.put(SettingCodes.REQUIRE_ROLE_ON_CREATE, requireRoleOnCreate);
		values.put(SettingCodes.DEFAULT_ROLE, defaultRole);
		values.put(SettingCodes.SIGN_IN_MODE, signInMode);
		values.put(SettingCodes.AUTHORIZATION_MODE, authorizationMode);
		values.put(SettingCodes.MFA_REQUIRED, mfaRequired);
		values.put(SettingCodes.SESSION_IDLE_TIMEOUT, sessionIdleTimeout);
		values.put(SettingCodes.SESSION_ABSOLUTE_TIMEOUT, sessionAbsoluteTimeout);
		values.put(SettingCodes.DELIVERED_MAIL_RETENTION, deliveredMailRetention);
		values.put(SettingCodes.SIGN_IN_RECORD_RETENTION, signInRecordRetention);
		values.put(SettingCodes.EXPIRED_RETENTION, expiredRetention);
		values.put(SettingCodes.AUDIT_RETENTION, auditRetention);
		return values;
	}

	/**
	 * Only what the administrator changed on the page: a setting left as it was keeps following its configured
	 * default rather than being pinned to today's value.
	 */
	Map<String, String> changesFrom(Map<String, String> current) {
		Map<String, String> changes = new LinkedHashMap<>();
		values().forEach((name, value) -> {
			if (value != null && !same(value.strip(), current.get(name))) {
				changes.put(name, value.strip());
			}
		});
		return changes;
	}

	private static boolean same(String posted, String code) {
		if (posted.equals(code)) {
			return true;
		}
		if (code != null && code.startsWith("PT")) {
			try {
				return DurationStyle.detectAndParse(posted).equals(Duration.parse(code));
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}
		return false;
	}

	/** An ISO-8601 duration as a person writes it; a code that is no duration ({@code forever}) as it is. */
	static String readable(String isoDuration) {
		if (isoDuration == null || !isoDuration.startsWith("P")) {
			return isoDuration;
		}
		return SettingCodes.readable(Duration.parse(isoDuration));
	}
}
