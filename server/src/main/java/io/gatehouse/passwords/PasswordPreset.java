package io.gatehouse.passwords;

/**
 * The password rule sets an operator can choose from.
 */
public enum PasswordPreset {

	/** 8 to 60 characters with an uppercase letter, a lowercase letter, a digit and a special character. */
	COMPLEXITY,

	/** NIST SP 800-63B rev 4: long passwords of any printable characters and no composition rules. */
	NIST

}
