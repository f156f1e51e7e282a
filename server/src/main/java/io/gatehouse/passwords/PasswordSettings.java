package io.gatehouse.passwords;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Password rules and hashing cost, bound from {@code gatehouse.passwords.*}. Missing values take the defaults. The
 * preset is the default of a runtime setting; what applies is read through {@link PasswordPresetSettings}.
 *
 * @param preset which rule set applies, {@link PasswordPreset#COMPLEXITY} by default
 * @param mfaRequired whether every sign-in needs a second factor; lowers the NIST minimum length to 8
 * @param argon2 the Argon2id cost and implementation
 */
@ConfigurationProperties("gatehouse.passwords")
public record PasswordSettings(PasswordPreset preset, boolean mfaRequired, Argon2 argon2) {

	public PasswordSettings {
		preset = (preset != null) ? preset : PasswordPreset.COMPLEXITY;
		argon2 = (argon2 != null) ? argon2 : new Argon2(0, 0, 0, null);
	}

	/**
	 * Argon2id cost. Zero means "not set" and takes the default; the defaults (7 MiB, 5 passes, 1 lane) are one
	 * of the OWASP-recommended Argon2id configurations.
	 *
	 * @param memoryKib memory per hash in KiB, 7168 by default
	 * @param iterations passes over the memory, 5 by default
	 * @param parallelism lanes, 1 by default
	 * @param implementation which Argon2 code computes the hashes, {@link Argon2Implementation#AUTO} by default
	 */
	public record Argon2(int memoryKib, int iterations, int parallelism, Argon2Implementation implementation) {

		public Argon2 {
			memoryKib = (memoryKib != 0) ? memoryKib : 7168;
			iterations = (iterations != 0) ? iterations : 5;
			parallelism = (parallelism != 0) ? parallelism : 1;
			implementation = (implementation != null) ? implementation : Argon2Implementation.AUTO;
			// fail at startup rather than at the first sign-in
			new Argon2Cost(memoryKib, iterations, parallelism);
		}

	}

	/**
	 * Which Argon2 code computes the hashes. Both write the same PHC strings, so switching needs no rehash.
	 */
	public enum Argon2Implementation {

		/** The native library if it loads on this platform, else pure Java. */
		AUTO,

		/** The reference C library through argon2-jvm; startup fails if it cannot be loaded. */
		NATIVE,

		/** Bouncy Castle, pure Java. */
		JAVA

	}

}
