package io.gatehouse.passwords;

import org.junit.jupiter.api.Test;

import io.gatehouse.passwords.PasswordSettings.Argon2;
import io.gatehouse.passwords.PasswordSettings.Argon2Implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PasswordHashingConfigurationTests {

	private final PasswordHashingConfiguration configuration = new PasswordHashingConfiguration();

	@Test
	void autoPrefersNative() {
		PasswordHasher hasher = this.configuration
			.passwordHasher(new PasswordSettings(null, false, new Argon2(1024, 1, 1, Argon2Implementation.AUTO)));
		assertThat(hasher).isInstanceOf(NativeArgon2Hasher.class);
		assertThat(hasher.implementationName()).isEqualTo("native");
		assertThat(hasher.hash("secret")).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
	}

	@Test
	void autoFallsBackToJavaWhenTheLibraryDoesNotLoad() {
		PasswordHasher hasher = PasswordHashingConfiguration.select(new Argon2(1024, 1, 1, Argon2Implementation.AUTO),
				(cost) -> {
					throw new UnsatisfiedLinkError("Unable to load library 'argon2'");
				});
		assertThat(hasher).isInstanceOf(JavaArgon2Hasher.class);
		assertThat(hasher.implementationName()).isEqualTo("java");
	}

	@Test
	void autoFallsBackToJavaWhenTheFirstHashFails() {
		PasswordHasher hasher = PasswordHashingConfiguration.select(new Argon2(1024, 1, 1, Argon2Implementation.AUTO),
				(cost) -> new Argon2Hasher(cost) {

					@Override
					byte[] rawHash(byte[] password, byte[] salt, Argon2Cost c, int hashLength) {
						throw new NoClassDefFoundError("Could not initialize class de.mkammerer.argon2.jna.Argon2Library");
					}

					@Override
					public String implementationName() {
						return "broken native";
					}

				});
		assertThat(hasher).isInstanceOf(JavaArgon2Hasher.class);
	}

	@Test
	void nativeFailsLoudlyWhenTheLibraryDoesNotLoad() {
		assertThatExceptionOfType(UnsatisfiedLinkError.class)
			.isThrownBy(() -> PasswordHashingConfiguration.select(new Argon2(1024, 1, 1, Argon2Implementation.NATIVE),
					(cost) -> {
						throw new UnsatisfiedLinkError("Unable to load library 'argon2'");
					}));
	}

	@Test
	void honoursAnExplicitChoice() {
		assertThat(PasswordHashingConfiguration.select(new Argon2(1024, 1, 1, Argon2Implementation.NATIVE)))
			.isInstanceOf(NativeArgon2Hasher.class);
		assertThat(PasswordHashingConfiguration.select(new Argon2(1024, 1, 1, Argon2Implementation.JAVA)))
			.isInstanceOf(JavaArgon2Hasher.class);
	}

	@Test
	void usesTheConfiguredCost() {
		PasswordHasher hasher = PasswordHashingConfiguration.select(new Argon2(2048, 2, 2, Argon2Implementation.JAVA));
		assertThat(hasher.hash("secret")).startsWith("$argon2id$v=19$m=2048,t=2,p=2$");
		assertThat(hasher).hasToString("java Argon2id (m=2048,t=2,p=2)");
	}

}
