package io.gatehouse.users;

import java.util.Set;

/**
 * The username Gatehouse picks for an account created without one: the email's local part, made a valid username,
 * and when that is taken the lowest number from 2 up appended to it.
 */
final class UsernameInference {

	// room left under the length limit for the number that makes the name unique
	private static final int SUFFIX_ROOM = 6;

	private UsernameInference() {
	}

	/**
	 * From an email's local part: lower-cased, characters a username may not hold replaced by '-', leading dots,
	 * dashes and underscores dropped, {@code user} when nothing is left, trimmed to leave room for a number.
	 */
	static String fromEmail(String email) {
		String local = UserRules.normalize(email.substring(0, email.lastIndexOf('@')));
		String base = local.replaceAll("[^a-z0-9._-]", "-").replaceAll("^[._-]+", "");
		if (base.isEmpty()) {
			base = "user";
		}
		return base.length() > UserRules.USERNAME_MAX - SUFFIX_ROOM
				? base.substring(0, UserRules.USERNAME_MAX - SUFFIX_ROOM) : base;
	}

	/** The base, or the base with the lowest number from 2 up, that is not in {@code taken} (normalized names). */
	static String firstFree(String base, Set<String> taken) {
		if (!taken.contains(base)) {
			return base;
		}
		for (int suffix = 2;; suffix++) {
			String candidate = base + suffix;
			if (!taken.contains(candidate)) {
				return candidate;
			}
		}
	}
}
