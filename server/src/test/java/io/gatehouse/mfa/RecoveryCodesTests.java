package io.gatehouse.mfa;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recovery codes as shown and as kept. Each is used at most once: the store marks the hash used in the same
 * statement that finds it, so what makes a typed code "the same code" is its hash, specified here.
 */
class RecoveryCodesTests {

	@Test
	void tenCodesOfSixteenBase32CharactersInGroupsOfFour() {
		List<String> codes = RecoveryCodes.generate();
		assertThat(codes).hasSize(10).allMatch(code -> code.matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"));
		assertThat(new HashSet<>(codes)).hasSize(10);
	}

	@Test
	void eachSetIsNew() {
		assertThat(RecoveryCodes.generate()).doesNotContainAnyElementsOf(RecoveryCodes.generate());
	}

	@ParameterizedTest(name = "\"{1}\" is \"{0}\": {2}")
	@CsvSource(quoteCharacter = '"', value = {
			// as typed back by a person: case, spaces and dashes do not matter
			"ABCD-EFGH-IJKL-MNOP, ABCD-EFGH-IJKL-MNOP, true",
			"ABCD-EFGH-IJKL-MNOP, abcd-efgh-ijkl-mnop, true",
			"ABCD-EFGH-IJKL-MNOP, ABCDEFGHIJKLMNOP,    true",
			"ABCD-EFGH-IJKL-MNOP, \"ABCD EFGH IJKL MNOP\", true",
			// any other character does
			"ABCD-EFGH-IJKL-MNOP, ABCD-EFGH-IJKL-MNOQ, false",
			"ABCD-EFGH-IJKL-MNOP, ABCD-EFGH-IJKL-MNO,  false",
			"ABCD-EFGH-IJKL-MNOP, ABCD_EFGH_IJKL_MNOP, false" })
	void theSameCodeHowEverItIsTyped(String shown, String typed, boolean same) {
		assertThat(RecoveryCodes.hash(typed).equals(RecoveryCodes.hash(shown))).isEqualTo(same);
	}

	@Test
	void onlyTheHashIsKept() {
		String code = RecoveryCodes.generate().get(0);
		assertThat(RecoveryCodes.hash(code)).matches("[0-9a-f]{64}").doesNotContain(code.replace("-", ""));
	}
}
