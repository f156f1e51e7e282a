package io.gatehouse.passwords;

import org.passay.CharacterData;

/**
 * The special characters of the SEED rule, for Passay's character rules.
 */
enum SeedSpecialCharacters implements CharacterData {

	INSTANCE;

	static final String CHARACTERS = "!@#$%^&*_-";

	@Override
	public String getErrorCode() {
		return "INSUFFICIENT_SPECIAL";
	}

	@Override
	public String getCharacters() {
		return CHARACTERS;
	}

}
