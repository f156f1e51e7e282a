package io.gatehouse.passwords;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ComplexityPasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(new PasswordSettings(PasswordPreset.COMPLEXITY, false, null));

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			# password                                                      | broken rules
			Abcde1!                                                         | length
			Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefg1!   | length
			Abcdef1!                                                        | none
			Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdef1!    | none
			abcdefg1!                                                       | uppercase
			ABCDEFG1!                                                       | lowercase
			Abcdefgh!                                                       | digit
			Abcdefgh1                                                       | special
			Abcdefgh1+                                                      | special
			abc                                                             | length uppercase digit special
			ÄÖÜ                                                             | length uppercase lowercase digit special
			P@ssw0rd                                                        | common
			p@ssw0rd                                                        | uppercase common
			'Tschüß Grüße 1!'                                               | none
			""")
	void reportsEveryBrokenRule(String password, String brokenRules) {
		List<String> expected = (brokenRules != null) ? List.of(brokenRules.split(" ")) : List.of();
		assertThat(rules(this.policy.check(password, null, null))).containsExactlyElementsOf(expected);
	}

	@Test
	void lengthBoundariesAreInclusive() {
		assertThat(this.policy.check("Aa1!" + "x".repeat(3), null, null)).extracting(PasswordRuleViolation::rule)
			.containsExactly("length");
		assertThat(this.policy.check("Aa1!" + "x".repeat(4), null, null)).isEmpty();
		assertThat(this.policy.check("Aa1!" + "x".repeat(56), null, null)).isEmpty();
		assertThat(this.policy.check("Aa1!" + "x".repeat(57), null, null)).extracting(PasswordRuleViolation::rule)
			.containsExactly("length");
	}

	@Test
	void everySpecialCharacterCounts() {
		for (char special : "!@#$%^&*_-".toCharArray()) {
			assertThat(this.policy.check("Abcdefg1" + special, null, null)).as("with %s", special).isEmpty();
		}
	}

	@Test
	void messagesAreSentences() {
		assertThat(this.policy.check("", null, null)).containsExactly(
				new PasswordRuleViolation("length", "must be 8 to 60 characters long"),
				new PasswordRuleViolation("uppercase", "must contain an uppercase letter (A-Z)"),
				new PasswordRuleViolation("lowercase", "must contain a lowercase letter (a-z)"),
				new PasswordRuleViolation("digit", "must contain a digit (0-9)"),
				new PasswordRuleViolation("special", "must contain a special character from !@#$%^&*_-"));
		assertThat(this.policy.check("P@ssw0rd", null, null))
			.containsExactly(new PasswordRuleViolation("common", "is one of the 10,000 most common passwords"));
	}

	@Test
	void nullPasswordIsCheckedAsEmpty() {
		assertThat(rules(this.policy.check(null, null, null))).contains("length");
	}

	@Test
	void rejectsPasswordContainingUsernameIgnoringCase() {
		assertThat(this.policy.check("xxALICEyy1!", "alice", null)).extracting(PasswordRuleViolation::rule)
			.containsExactly("contains-username");
		assertThat(this.policy.check("xxALICEyy1!", "Alice", null)).extracting(PasswordRuleViolation::message)
			.containsExactly("must not contain the username");
		assertThat(this.policy.check("Xyzzy123!x", "alice", null)).isEmpty();
	}

	@Test
	void skipsUsernamesShorterThanThreeCharacters() {
		assertThat(this.policy.check("Alabaster12!", "al", null)).isEmpty();
		assertThat(this.policy.check("Alabaster12!", "ala", null)).extracting(PasswordRuleViolation::rule)
			.containsExactly("contains-username");
	}

	@Test
	void rejectsPasswordContainingEmailLocalPart() {
		assertThat(this.policy.check("Bob.Smith-2024!", null, "bob.smith@example.com"))
			.extracting(PasswordRuleViolation::rule)
			.containsExactly("contains-email");
		// the domain alone is not personal
		assertThat(this.policy.check("Example.com-2024!", null, "bob.smith@example.com")).isEmpty();
		assertThat(this.policy.check("Bobby-2024!", null, "bo@example.com")).isEmpty();
	}

	@Test
	void reportsUsernameAndEmailTogetherWithOtherRules() {
		assertThat(rules(this.policy.check("carolcarol", "carol", "carol@example.com"))).containsExactly("uppercase",
				"digit", "special", "contains-username", "contains-email");
	}

	@Test
	void onlyTheTopTenThousandAreCommon() {
		List<String> list = CommonPasswords.load(30_000);
		assertThat(list.indexOf("!qaz2wsx")).isLessThan(CommonPasswords.COUNT);
		assertThat(this.policy.check("!Qaz2wsx", null, null)).extracting(PasswordRuleViolation::rule)
			.containsExactly("common");
		// beyond the first 10,000 entries of the list, yet "password" with look-alike letters
		assertThat(list.indexOf("pa$$w0rd")).isGreaterThanOrEqualTo(CommonPasswords.COUNT);
		assertThat(this.policy.check("Pa$$w0rd", null, null)).extracting(PasswordRuleViolation::rule)
			.containsExactly("common");
	}

	@Test
	void describesItself() {
		assertThat(this.policy.preset()).isEqualTo(PasswordPreset.COMPLEXITY);
		assertThat(this.policy.describe()).startsWith("8 to 60 characters")
			.contains("!@#$%^&*_-")
			.contains("10,000 most common");
	}

	static List<String> rules(List<PasswordRuleViolation> violations) {
		return violations.stream().map(PasswordRuleViolation::rule).toList();
	}

}
