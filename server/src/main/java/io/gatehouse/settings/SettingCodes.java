package io.gatehouse.settings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.AuthorizationMode;
import io.gatehouse.mfa.MfaRequirement;
import io.gatehouse.passwords.PasswordPreset;
import io.gatehouse.shared.FieldViolation;
import io.gatehouse.users.AccountSettings.DeletePolicy;
import io.gatehouse.users.SignInMode;
import org.springframework.boot.convert.DurationStyle;

/**
 * Settings as text, the way they are stored, sent in JSON and posted by the console: enum values as lower-case codes
 * ({@code deactivate-only}), durations as ISO-8601 ({@code PT30M}, and {@code 30m} is read too), the default role as
 * its id or {@code none}.
 */
public final class SettingCodes {

	public static final String PASSWORD_PRESET = "passwordPreset";

	public static final String DELETE_POLICY = "deletePolicy";

	public static final String REQUIRE_ROLE_ON_CREATE = "requireRoleOnCreate";

	public static final String DEFAULT_ROLE = "defaultRole";

	public static final String SIGN_IN_MODE = "signInMode";

	public static final String AUTHORIZATION_MODE = "authorizationMode";

	public static final String MFA_REQUIRED = "mfaRequired";

	public static final String SESSION_IDLE_TIMEOUT = "sessionIdleTimeout";

	public static final String SESSION_ABSOLUTE_TIMEOUT = "sessionAbsoluteTimeout";

	public static final String DELIVERED_MAIL_RETENTION = "deliveredMailRetention";

	public static final String SIGN_IN_RECORD_RETENTION = "signInRecordRetention";

	public static final String EXPIRED_RETENTION = "expiredRetention";

	public static final String AUDIT_RETENTION = "auditRetention";

	/** Every setting, in the order the API and the console show them. */
	public static final List<String> NAMES = List.of(PASSWORD_PRESET, DELETE_POLICY, REQUIRE_ROLE_ON_CREATE,
			DEFAULT_ROLE, SIGN_IN_MODE, AUTHORIZATION_MODE, MFA_REQUIRED, SESSION_IDLE_TIMEOUT, SESSION_ABSOLUTE_TIMEOUT,
			DELIVERED_MAIL_RETENTION, SIGN_IN_RECORD_RETENTION, EXPIRED_RETENTION, AUDIT_RETENTION);

	/** The audit retention that never deletes. */
	public static final String FOREVER = "forever";

	static final Duration RETENTION_MIN = Duration.ofDays(1);

	static final Duration RETENTION_MAX = Duration.ofDays(3660);

	public static final String NO_ROLE = "none";

	static final Duration IDLE_MIN = Duration.ofMinutes(1);

	static final Duration IDLE_MAX = Duration.ofHours(24);

	static final Duration ABSOLUTE_MIN = Duration.ofMinutes(5);

	static final Duration ABSOLUTE_MAX = Duration.ofDays(30);

	private SettingCodes() {
	}

	/** Every setting's code, in {@link #NAMES} order; the default role is {@code none} when there is none. */
	public static Map<String, String> codes(InstanceSettings settings) {
		Map<String, String> codes = new LinkedHashMap<>();
		codes.put(PASSWORD_PRESET, code(settings.passwordPreset()));
		codes.put(DELETE_POLICY, code(settings.deletePolicy()));
		codes.put(REQUIRE_ROLE_ON_CREATE, Boolean.toString(settings.requireRoleOnCreate()));
		codes.put(DEFAULT_ROLE, settings.defaultRole() == null ? NO_ROLE : settings.defaultRole().toString());
		codes.put(SIGN_IN_MODE, code(settings.signInMode()));
		codes.put(AUTHORIZATION_MODE, code(settings.authorizationMode()));
		codes.put(MFA_REQUIRED, code(settings.mfaRequired()));
		codes.put(SESSION_IDLE_TIMEOUT, settings.sessionIdleTimeout().toString());
		codes.put(SESSION_ABSOLUTE_TIMEOUT, settings.sessionAbsoluteTimeout().toString());
		RetentionPeriods retention = settings.retention();
		codes.put(DELIVERED_MAIL_RETENTION, retention.deliveredMail().toString());
		codes.put(SIGN_IN_RECORD_RETENTION, retention.signInRecords().toString());
		codes.put(EXPIRED_RETENTION, retention.expired().toString());
		codes.put(AUDIT_RETENTION, retention.auditEvents() == null ? FOREVER : retention.auditEvents().toString());
		return codes;
	}

	/**
	 * Reads every setting from {@code codes}, falling back to {@code fallback} for a missing or unreadable one; each
	 * unreadable code is reported under its setting's name. Ranges and rules between settings are checked too.
	 */
	static InstanceSettings parse(Map<String, String> codes, InstanceSettings fallback, List<FieldViolation> violations) {
		// a database or a client from before the preset's rename may still send its former code
		PasswordPreset preset = choice(codes, PASSWORD_PRESET, PasswordPreset.class, PasswordPreset.FORMER_CODES,
				fallback.passwordPreset(), violations);
		DeletePolicy delete = choice(codes, DELETE_POLICY, DeletePolicy.class, fallback.deletePolicy(), violations);
		boolean requireRole = bool(codes, REQUIRE_ROLE_ON_CREATE, fallback.requireRoleOnCreate(), violations);
		UUID defaultRole = role(codes, fallback.defaultRole(), violations);
		SignInMode signIn = choice(codes, SIGN_IN_MODE, SignInMode.class, fallback.signInMode(), violations);
		AuthorizationMode authorization = choice(codes, AUTHORIZATION_MODE, AuthorizationMode.class,
				fallback.authorizationMode(), violations);
		MfaRequirement mfa = choice(codes, MFA_REQUIRED, MfaRequirement.class, fallback.mfaRequired(), violations);
		Duration idle = duration(codes, SESSION_IDLE_TIMEOUT, IDLE_MIN, IDLE_MAX, fallback.sessionIdleTimeout(),
				violations);
		Duration absolute = duration(codes, SESSION_ABSOLUTE_TIMEOUT, ABSOLUTE_MIN, ABSOLUTE_MAX,
				fallback.sessionAbsoluteTimeout(), violations);
		if (idle.compareTo(absolute) > 0) {
			violations.add(new FieldViolation(SESSION_IDLE_TIMEOUT, "not-above-absolute",
					"must not be longer than sessionAbsoluteTimeout (" + absolute + ")"));
		}
		RetentionPeriods fallbackRetention = fallback.retention();
		RetentionPeriods retention = new RetentionPeriods(
				duration(codes, DELIVERED_MAIL_RETENTION, RETENTION_MIN, RETENTION_MAX,
						fallbackRetention.deliveredMail(), violations),
				duration(codes, SIGN_IN_RECORD_RETENTION, RETENTION_MIN, RETENTION_MAX,
						fallbackRetention.signInRecords(), violations),
				duration(codes, EXPIRED_RETENTION, RETENTION_MIN, RETENTION_MAX, fallbackRetention.expired(),
						violations),
				auditRetention(codes, fallbackRetention.auditEvents(), violations));
		return new InstanceSettings(preset, delete, requireRole, defaultRole, signIn, authorization, mfa, idle,
				absolute, retention);
	}

	/** A duration, or {@code forever}. */
	private static Duration auditRetention(Map<String, String> codes, Duration fallback,
			List<FieldViolation> violations) {
		String code = codes.get(AUDIT_RETENTION);
		if (code != null && code.strip().equalsIgnoreCase(FOREVER)) {
			return null;
		}
		int before = violations.size();
		Duration value = duration(codes, AUDIT_RETENTION, RETENTION_MIN, RETENTION_MAX, fallback, violations);
		if (violations.size() > before && violations.get(before).rule().equals("type")) {
			violations.set(before, new FieldViolation(AUDIT_RETENTION, "type",
					"must be forever or a duration such as 365d or P365D (ISO-8601)"));
		}
		return value;
	}

	public static String code(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The codes a choice setting accepts, e.g. {@code [complexity, nist]}. */
	public static <E extends Enum<E>> List<String> choices(Class<E> type) {
		return java.util.Arrays.stream(type.getEnumConstants()).map(SettingCodes::code).toList();
	}

	private static <E extends Enum<E>> E choice(Map<String, String> codes, String name, Class<E> type, E fallback,
			List<FieldViolation> violations) {
		return choice(codes, name, type, Map.of(), fallback, violations);
	}

	/** {@code former}: codes values had before a rename, still read but never written nor offered. */
	private static <E extends Enum<E>> E choice(Map<String, String> codes, String name, Class<E> type,
			Map<String, E> former, E fallback, List<FieldViolation> violations) {
		String code = codes.get(name);
		if (code == null) {
			return fallback;
		}
		String normalized = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		if (former.containsKey(normalized)) {
			return former.get(normalized);
		}
		for (E value : type.getEnumConstants()) {
			if (code(value).equals(normalized)) {
				return value;
			}
		}
		violations.add(new FieldViolation(name, "one-of", "must be one of " + String.join(", ", choices(type))));
		return fallback;
	}

	private static boolean bool(Map<String, String> codes, String name, boolean fallback,
			List<FieldViolation> violations) {
		String code = codes.get(name);
		if (code == null) {
			return fallback;
		}
		if (code.equalsIgnoreCase("true") || code.equalsIgnoreCase("false")) {
			return Boolean.parseBoolean(code);
		}
		violations.add(new FieldViolation(name, "type", "must be true or false"));
		return fallback;
	}

	private static UUID role(Map<String, String> codes, UUID fallback, List<FieldViolation> violations) {
		if (!codes.containsKey(DEFAULT_ROLE)) {
			return fallback;
		}
		String code = codes.get(DEFAULT_ROLE);
		if (code == null || code.isBlank() || code.strip().equalsIgnoreCase(NO_ROLE)) {
			return null;
		}
		try {
			return UUID.fromString(code.strip());
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation(DEFAULT_ROLE, "type", "must be a role id or none"));
			return fallback;
		}
	}

	private static Duration duration(Map<String, String> codes, String name, Duration min, Duration max,
			Duration fallback, List<FieldViolation> violations) {
		String code = codes.get(name);
		if (code == null) {
			return fallback;
		}
		Duration value;
		try {
			value = DurationStyle.detectAndParse(code.strip());
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation(name, "type",
					"must be a duration such as 30m, 12h or PT30M (ISO-8601)"));
			return fallback;
		}
		if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			violations.add(new FieldViolation(name, "range",
					"must be between " + readable(min) + " and " + readable(max)));
			return fallback;
		}
		return value;
	}

	/** A duration as a person writes it: {@code 30m}, {@code 12h}, {@code 7d}. */
	public static String readable(Duration duration) {
		long seconds = duration.getSeconds();
		if (seconds % 86_400 == 0) {
			return seconds / 86_400 + "d";
		}
		if (seconds % 3_600 == 0) {
			return seconds / 3_600 + "h";
		}
		if (seconds % 60 == 0) {
			return seconds / 60 + "m";
		}
		return seconds + "s";
	}
}
