package io.gatehouse.passwords;

import java.util.Map;

/**
 * The password rule sets an operator can choose from.
 */
public enum PasswordPreset {

	/** 8 to 60 characters with an uppercase letter, a lowercase letter, a digit and a special character. */
	COMPLEXITY,

	/** NIST SP 800-63B rev 4: long passwords of any printable characters and no composition rules. */
	NIST;

	/**
	 * Codes a preset had before it was renamed, with the preset each names now: configurations and databases written
	 * before the rename still hold them, and they keep working. COMPLEXITY was {@code seed}.
	 */
	public static final Map<String, PasswordPreset> FORMER_CODES = Map.of("seed", COMPLEXITY);

}
