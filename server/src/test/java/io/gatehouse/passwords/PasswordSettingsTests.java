package io.gatehouse.passwords;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.gatehouse.passwords.PasswordSettings.Argon2;
import io.gatehouse.passwords.PasswordSettings.Argon2Implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PasswordSettingsTests {

	@Test
	void missingValuesTakeTheDefaults() {
		PasswordSettings settings = new PasswordSettings(null, false, null);
		assertThat(settings.preset()).isEqualTo(PasswordPreset.COMPLEXITY);
		assertThat(settings.mfaRequired()).isFalse();
		assertThat(settings.argon2()).isEqualTo(new Argon2(7168, 5, 1, Argon2Implementation.AUTO));
		assertThat(new Argon2(0, 3, 0, null)).isEqualTo(new Argon2(7168, 3, 1, Argon2Implementation.AUTO));
	}

	@Test
	void bindsFromKebabCaseProperties() {
		PasswordSettings settings = bind(Map.of("gatehouse.passwords.preset", "nist",
				"gatehouse.passwords.mfa-required", "true", "gatehouse.passwords.argon2.memory-kib", "19456",
				"gatehouse.passwords.argon2.iterations", "2", "gatehouse.passwords.argon2.implementation", "java"));
		assertThat(settings).isEqualTo(new PasswordSettings(PasswordPreset.NIST, true,
				new Argon2(19456, 2, 1, Argon2Implementation.JAVA)));
	}

	@Test
	void bindsDefaultsWithoutProperties() {
		assertThat(bind(Map.of("gatehouse.other", "x"))).isEqualTo(new PasswordSettings(null, false, null));
	}

	@Test
	void rejectsImpossibleArgon2Cost() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Argon2(4, 1, 1, null)).withMessageContaining("memory");
		assertThatIllegalArgumentException().isThrownBy(() -> new Argon2(64, 1, 16, null))
			.withMessageContaining("memory");
		assertThatIllegalArgumentException().isThrownBy(() -> new Argon2(7168, -1, 1, null))
			.withMessageContaining("iterations");
		assertThatIllegalArgumentException().isThrownBy(() -> new Argon2(7168, 5, 65, null))
			.withMessageContaining("parallelism");
	}

	private static PasswordSettings bind(Map<String, String> properties) {
		Binder binder = new Binder(new MapConfigurationPropertySource(properties));
		return binder.bindOrCreate("gatehouse.passwords", Bindable.of(PasswordSettings.class));
	}

}
