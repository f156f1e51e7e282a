package io.gatehouse.console;

import java.util.Arrays;

import io.gatehouse.auth.SessionRestriction;

/**
 * The console's pages for a restricted session: a user who must change their password sees only the password change
 * page until they do; one who must enrol the second factor the instance requires, only the pages that enrol it.
 * Signing out and the public pages stay open to both.
 */
public final class ConsoleRestrictions {

	static final String PASSWORD_CHANGE = "/console/password-change";

	static final String MFA_REQUIRED = "/console/mfa-required";

	static final String MFA_ENROLMENT = "/console/profile/security";

	private ConsoleRestrictions() {
	}

	/** Where a sign-in with this restriction lands. */
	public static String landing(SessionRestriction restriction) {
		return switch (restriction) {
			case PASSWORD_CHANGE_REQUIRED -> PASSWORD_CHANGE;
			case MFA_ENROLMENT_REQUIRED -> MFA_REQUIRED;
		};
	}

	/** Where a request for a page the restriction closes is sent instead. */
	static String redirect(SessionRestriction restriction) {
		return switch (restriction) {
			case PASSWORD_CHANGE_REQUIRED -> PASSWORD_CHANGE;
			case MFA_ENROLMENT_REQUIRED -> MFA_ENROLMENT;
		};
	}

	static boolean allows(SessionRestriction restriction, String path) {
		return switch (restriction) {
			case PASSWORD_CHANGE_REQUIRED -> allowedBeforePasswordChange(path);
			// the enrolment itself: the page, starting it and confirming it with a code
			case MFA_ENROLMENT_REQUIRED -> path.equals(MFA_REQUIRED) || path.equals(MFA_ENROLMENT)
					|| path.startsWith("/console/profile/mfa/totp") || allowedBeforePasswordChange(path);
		};
	}

	private static boolean allowedBeforePasswordChange(String path) {
		return path.equals(PASSWORD_CHANGE) || path.equals("/console/sign-out")
				|| Arrays.asList(ConsoleSecurityConfiguration.PUBLIC).contains(path);
	}
}
