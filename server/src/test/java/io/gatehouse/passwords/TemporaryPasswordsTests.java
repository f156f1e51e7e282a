package io.gatehouse.passwords;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemporaryPasswordsTests {

	private final PasswordPolicy complexity = new PasswordPolicy(new PasswordSettings(PasswordPreset.COMPLEXITY, false, null));

	private final PasswordPolicy nist = new PasswordPolicy(new PasswordSettings(PasswordPreset.NIST, false, null));

	@Test
	void generatesDistinctPasswordsThatPassBothPresets() {
		TemporaryPasswords temporaryPasswords = new TemporaryPasswords(this.complexity);
		Set<String> generated = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String password = temporaryPasswords.generate();
			assertThat(password).hasSize(20);
			assertThat(this.complexity.check(password, null, null)).as(password).isEmpty();
			assertThat(this.nist.check(password, null, null)).as(password).isEmpty();
			generated.add(password);
		}
		assertThat(generated).hasSize(1000);
	}

	@Test
	void avoidsCharactersThatLookAlike() {
		TemporaryPasswords temporaryPasswords = new TemporaryPasswords(this.nist);
		for (int i = 0; i < 1000; i++) {
			assertThat(temporaryPasswords.generate()).doesNotContainPattern("[0O1Il]").matches("[A-Za-z2-9!@#$%^&*_\\-]{20}");
		}
	}

	@Test
	void startsWithALetterOrDigitSoThatASpreadsheetKeepsItAsText() {
		TemporaryPasswords temporaryPasswords = new TemporaryPasswords(this.nist);
		for (int i = 0; i < 2000; i++) {
			assertThat(temporaryPasswords.generate()).matches("[A-Za-z2-9].*");
		}
	}

	@Test
	void usesEveryAllowedCharacter() {
		TemporaryPasswords temporaryPasswords = new TemporaryPasswords(this.nist);
		Set<Character> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			temporaryPasswords.generate().chars().forEach((c) -> seen.add((char) c));
		}
		// 24 uppercase, 24 lowercase, 8 digits, 10 special
		assertThat(seen).hasSize(66);
	}

}
