package io.gatehouse.auth;

import java.util.Optional;

import io.gatehouse.users.User;

/**
 * What a signed-in user must do before anything else: until then their session (or token) reaches only what it
 * takes to do it, and to sign out. Each door decides which of its routes that is; the password comes first, and
 * whatever a password change allows, an enrolment allows too.
 */
public enum SessionRestriction {

	/** The password is temporary, or was set by an administrator to be changed. */
	PASSWORD_CHANGE_REQUIRED,

	/** The instance requires a second factor this user has not enrolled. */
	MFA_ENROLMENT_REQUIRED;

	static Optional<SessionRestriction> of(User user, boolean mfaEnrolmentRequired) {
		if (user.mustChangePassword()) {
			return Optional.of(PASSWORD_CHANGE_REQUIRED);
		}
		return mfaEnrolmentRequired ? Optional.of(MFA_ENROLMENT_REQUIRED) : Optional.empty();
	}
}
