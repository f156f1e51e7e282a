package io.gatehouse.passwords;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's encoder writes the same PHC strings, so hashes can move between it and Gatehouse's hashers.
 */
class SpringArgon2CompatibilityTests {

	private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 1024, 1);

	@Test
	void springVerifiesOurHashes() {
		assertThat(this.spring.matches("secret", new NativeArgon2Hasher(new Argon2Cost(1024, 1, 1)).hash("secret")))
			.isTrue();
		assertThat(this.spring.matches("secret", new JavaArgon2Hasher(new Argon2Cost(1024, 1, 1)).hash("secret")))
			.isTrue();
	}

	@Test
	void weVerifySpringsHashes() {
		String hash = this.spring.encode("secret");
		assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
		assertThat(new NativeArgon2Hasher(new Argon2Cost(1024, 1, 1)).verify("secret", hash)).isTrue();
		assertThat(new JavaArgon2Hasher(new Argon2Cost(1024, 1, 1)).verify("secret", hash)).isTrue();
		assertThat(new JavaArgon2Hasher(new Argon2Cost(1024, 1, 1)).needsRehash(hash)).isFalse();
	}

}
