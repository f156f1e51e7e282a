package io.gatehouse.passwords;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;

/**
 * Argon2id by the reference C library, which argon2-jvm ships for common platforms and calls through JNA. Roughly
 * three times as fast as the Java code on x86-64, so the same time budget buys a higher cost.
 */
final class NativeArgon2Hasher extends Argon2Hasher {

	private final Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Types.ARGON2id);

	NativeArgon2Hasher(Argon2Cost cost) {
		super(cost);
	}

	@Override
	byte[] rawHash(byte[] password, byte[] salt, Argon2Cost cost, int hashLength) {
		// pbkdf is argon2id_hash_raw with a chosen output length; argon2-jvm's own hash() would pick the salt itself
		// the 7 MiB it mallocs per hash stay with glibc until NativeMemoryTrimmer gives them back
		return this.argon2.pbkdf(cost.iterations(), cost.memoryKib(), cost.parallelism(), password, salt,
				hashLength);
	}

	@Override
	public String implementationName() {
		return "native";
	}

}
