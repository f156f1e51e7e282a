package io.gatehouse.passwords;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocklist catches what people choose to satisfy composition rules, under both presets: a common password in
 * any case, with digits and symbols added, with look-alike characters for letters.
 */
class CommonPasswordRuleTests {

	@ParameterizedTest(name = "[{index}] {0} under {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# password                  | preset     | common?
			PASSWORD                    | COMPLEXITY | true
			Password1!                  | COMPLEXITY | true
			Password1!                  | NIST       | true
			Welcome2024!                | COMPLEXITY | true
			Welcome2024!                | NIST       | true
			Summer2024#                 | COMPLEXITY | true
			Summer2024#                 | NIST       | true
			P@ssw0rd1                   | COMPLEXITY | true
			P@ssw0rd1                   | NIST       | true
			Pa$$word-2026               | COMPLEXITY | true
			!!Monkey123456789           | NIST       | true
			@dmin2024!                  | COMPLEXITY | true
			Dr@g0n99!                   | COMPLEXITY | true
			LETMEIN-1234567890          | NIST       | true
			Iloveyou2024!!!!            | NIST       | true
			Correct-Horse-7             | COMPLEXITY | false
			Gatekeeper#2026x            | COMPLEXITY | false
			Abc-2024!                   | COMPLEXITY | false
			Welcome2You!                | COMPLEXITY | false
			correct horse battery staple| NIST       | false
			Tschüß Grüße 1!             | COMPLEXITY | false
			""")
	void refusesCommonPasswordsAndTheirDecoratedForms(String password, PasswordPreset preset, boolean common) {
		List<String> rules = policy(preset).check(password, null, null).stream().map(PasswordRuleViolation::rule).toList();
		if (common) {
			assertThat(rules).contains("common");
		}
		else {
			assertThat(rules).doesNotContain("common");
		}
	}

	@ParameterizedTest
	@EnumSource(PasswordPreset.class)
	void aDecoratedOneSaysWhatWasAdded(PasswordPreset preset) {
		assertThat(policy(preset).check("Baseball2024!!!!", null, null))
			.contains(common("is a common password with digits, symbols or look-alike letters added"));
		assertThat(policy(preset).check("baseball", null, null))
			.containsOnlyOnce(common("is one of the 10,000 most common passwords"));
	}

	private static PasswordRuleViolation common(String message) {
		return new PasswordRuleViolation("common", message);
	}

	private static PasswordPolicy policy(PasswordPreset preset) {
		return new PasswordPolicy(new PasswordSettings(preset, false, null));
	}
}
