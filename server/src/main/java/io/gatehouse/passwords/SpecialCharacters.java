package io.gatehouse.passwords;

import org.passay.CharacterData;

/**
 * The special characters the COMPLEXITY preset asks for one of, for Passay's character rules.
 */
enum SpecialCharacters implements CharacterData {

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
