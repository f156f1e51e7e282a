package io.gatehouse.passwords;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy asks which preset applies at every check, so a setting changed at runtime applies to the next one. */
class PasswordPresetSwitchTests {

	@Test
	void theNextCheckUsesThePresetInForce() {
		AtomicReference<PasswordPreset> preset = new AtomicReference<>(PasswordPreset.COMPLEXITY);
		PasswordPolicy policy = new PasswordPolicy(new PasswordSettings(null, false, null), preset::get);
		String shortButComplex = "Aa1!xYz9#kLm";
		assertThat(policy.check(shortButComplex, null, null)).isEmpty();
		assertThat(policy.describe()).startsWith("8 to 60 characters");

		preset.set(PasswordPreset.NIST);
		assertThat(policy.check(shortButComplex, null, null)).isNotEmpty();
		assertThat(policy.check("a long passphrase without any digits", null, null)).isEmpty();
		assertThat(policy.preset()).isEqualTo(PasswordPreset.NIST);
		assertThat(policy.describe()).startsWith("NIST SP 800-63B: 15 to 128");
	}
}
