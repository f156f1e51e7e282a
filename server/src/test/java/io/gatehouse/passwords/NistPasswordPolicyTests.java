package io.gatehouse.passwords;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.gatehouse.passwords.ComplexityPasswordPolicyTests.rules;
import static org.assertj.core.api.Assertions.assertThat;

class NistPasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(new PasswordSettings(PasswordPreset.NIST, false, null));

	private final PasswordPolicy withMfa = new PasswordPolicy(new PasswordSettings(PasswordPreset.NIST, true, null));

	@Test
	void needsFifteenCharactersWithoutComposition() {
		assertThat(this.policy.check("abcdefghijklmn", null, null))
			.containsExactly(new PasswordRuleViolation("length", "must be 15 to 128 characters long"));
		assertThat(this.policy.check("abcdefghijklmno", null, null)).isEmpty();
	}

	@Test
	void needsEightCharactersWhenMfaIsRequired() {
		assertThat(rules(this.withMfa.check("abcdefg", null, null))).containsExactly("length");
		assertThat(this.withMfa.check("abcdefgh", null, null)).isEmpty();
		assertThat(this.withMfa.describe()).startsWith("NIST SP 800-63B: 8 to 128 characters");
	}

	@Test
	void allowsUpToAHundredTwentyEightCharacters() {
		assertThat(this.policy.check("x".repeat(64), null, null)).isEmpty();
		assertThat(this.policy.check("x".repeat(128), null, null)).isEmpty();
		assertThat(rules(this.policy.check("x".repeat(129), null, null))).containsExactly("length");
	}

	@Test
	void countsCodePointsNotUtf16Units() {
		String fourteenEmoji = "\uD83D\uDD11".repeat(14);
		assertThat(fourteenEmoji).hasSize(28);
		assertThat(rules(this.policy.check(fourteenEmoji, null, null))).containsExactly("length");
		assertThat(this.policy.check(fourteenEmoji + "\uD83D\uDEAA", null, null)).isEmpty();
		assertThat(this.policy.check("éàüñçøåæœßêîôûë", null, null)).isEmpty();
		assertThat(rules(this.policy.check("\uD83D\uDD11".repeat(129), null, null))).containsExactly("length");
	}

	@Test
	void allowsSpacesAndPassphrases() {
		assertThat(this.policy.check("correct horse battery staple", null, null)).isEmpty();
		assertThat(this.policy.check("               ", null, null)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tab\there and more", "line\nbreak and more", "carriage\rreturn more", "null\u0000char and more",
			"delete\u007Fchar and more", "c1\u0085control and more", "line\u2028separator more",
			"lone \uD83D surrogate more" })
	void rejectsNonPrintableCharacters(String password) {
		assertThat(this.policy.check(password, null, null)).containsExactly(
				new PasswordRuleViolation("characters", "must not contain control characters, tabs or line breaks"));
	}

	@Test
	void allowsJoinedEmoji() {
		// family emoji: four people held together by zero-width joiners
		String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
		assertThat(this.policy.check(family + " our family 2024", null, null)).isEmpty();
	}

	@Test
	void rejectsLongCommonPasswordsIgnoringCase() {
		assertThat(this.policy.check("qazwsxedcrfvtgb", null, null))
			.containsExactly(new PasswordRuleViolation("common", "is one of the 10,000 most common passwords"));
		assertThat(rules(this.policy.check("1QAZ2WSX3EDC4RFV", null, null))).containsExactly("common");
		// beyond the first 10,000 entries of the list, yet one of them with digits added
		assertThat(CommonPasswords.load(30_000).indexOf("qwerty123456789")).isGreaterThan(CommonPasswords.COUNT);
		assertThat(this.policy.check("qwerty123456789", null, null)).containsExactly(new PasswordRuleViolation("common",
				"is a common password with digits, symbols or look-alike letters added"));
	}

	@Test
	void rejectsCommonPasswordsOfEightCharactersWithMfa() {
		assertThat(rules(this.withMfa.check("password", null, null))).containsExactly("common");
		assertThat(rules(this.withMfa.check("Baseball", null, null))).containsExactly("common");
	}

	@Test
	void rejectsUsernameAndEmailLocalPart() {
		assertThat(rules(this.policy.check("my name is dave and i like cake", "Dave", "dave.jones@example.com")))
			.containsExactly("contains-username");
		assertThat(rules(this.policy.check("the house of Dave.Jones rocks", "dave", "dave.jones@example.com")))
			.containsExactly("contains-username", "contains-email");
	}

	@Test
	void reportsSeveralRulesTogether() {
		assertThat(rules(this.policy.check("bob\tbob", "bob", "bob@example.com"))).containsExactly("length",
				"characters", "contains-username", "contains-email");
	}

	@Test
	void describesItself() {
		assertThat(this.policy.preset()).isEqualTo(PasswordPreset.NIST);
		assertThat(this.policy.describe()).startsWith("NIST SP 800-63B: 15 to 128 characters")
			.doesNotContain("uppercase");
	}

}
