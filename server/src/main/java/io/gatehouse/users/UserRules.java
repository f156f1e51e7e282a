package io.gatehouse.users;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.gatehouse.shared.FieldViolation;

/**
 * The shape rules of the identity fields, each failure named by field and rule.
 *
 * The email check is written here rather than taken from a validator library: the common ones either accept
 * almost anything or check the domain against a built-in list of top-level domains that goes stale.
 */
final class UserRules {

	static final int USERNAME_MAX = 64;

	static final int NAME_MAX = 100;

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (USERNAME_MAX - 1) + "}");

	private static final Pattern EMAIL_LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

	private static final Pattern DOMAIN_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

	private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

	private UserRules() {
	}

	static String normalize(String value) {
		return value == null ? null : value.toLowerCase(Locale.ROOT);
	}

	/** Trims, and turns blank into absent: a form's empty box means "no value". */
	static String clean(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	static void checkUsername(String username, List<FieldViolation> violations) {
		if (!USERNAME.matcher(username).matches()) {
			violations.add(new FieldViolation("username", "pattern",
					"must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
		}
	}

	static void checkEmail(String email, List<FieldViolation> violations) {
		if (email == null) {
			violations.add(new FieldViolation("email", "required", "is required"));
			return;
		}
		if (!isEmail(email)) {
			violations.add(new FieldViolation("email", "email", "must be a valid email address, like name@example.com"));
		}
	}

	static boolean isEmail(String email) {
		if (email.length() > 254) {
			return false;
		}
		int at = email.lastIndexOf('@');
		if (at < 1 || at > 64) {
			return false;
		}
		String local = email.substring(0, at);
		String domain = email.substring(at + 1);
		if (!EMAIL_LOCAL.matcher(local).matches()) {
			return false;
		}
		String[] labels = domain.split("\\.", -1);
		if (labels.length < 2) {
			return false;
		}
		for (String label : labels) {
			if (!DOMAIN_LABEL.matcher(label).matches()) {
				return false;
			}
		}
		return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
	}

	static void checkName(String field, String value, int max, List<FieldViolation> violations) {
		if (value != null && value.codePointCount(0, value.length()) > max) {
			violations.add(new FieldViolation(field, "length", "must be at most " + max + " characters"));
		}
		else if (value != null && value.chars().anyMatch(Character::isISOControl)) {
			violations.add(new FieldViolation(field, "characters", "must not contain control characters"));
		}
	}

	static void checkTimeZone(String zone, List<FieldViolation> violations) {
		if (zone != null && !ZONES.contains(zone)) {
			violations.add(new FieldViolation("timeZone", "time-zone",
					"must be an IANA time zone, like Europe/Paris or America/New_York"));
		}
	}
}
