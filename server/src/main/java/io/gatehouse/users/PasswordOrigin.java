package io.gatehouse.users;

/** How a password came to be set: the notice mailed to the user and the audit action name it. */
public enum PasswordOrigin {

	/** An administrator set it without knowing the old one. */
	SET_BY_ADMIN,

	/** An administrator had a temporary one generated; the user must change it. */
	TEMPORARY,

	/** The user changed their own, knowing the current one. */
	CHANGED_BY_USER,

	/** The user chose a new one through a password-reset link mailed to them. */
	RESET
}
