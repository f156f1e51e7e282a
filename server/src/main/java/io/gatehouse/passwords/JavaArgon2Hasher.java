package io.gatehouse.passwords;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id in pure Java by Bouncy Castle, for platforms where the native library does not load.
 */
final class JavaArgon2Hasher extends Argon2Hasher {

	JavaArgon2Hasher(Argon2Cost cost) {
		super(cost);
	}

	@Override
	byte[] rawHash(byte[] password, byte[] salt, Argon2Cost cost, int hashLength) {
		Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
			.withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withMemoryAsKB(cost.memoryKib())
			.withIterations(cost.iterations())
			.withParallelism(cost.parallelism())
			.withSalt(salt)
			.build();
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(parameters);
		byte[] hash = new byte[hashLength];
		generator.generateBytes(password, hash);
		return hash;
	}

	@Override
	public String implementationName() {
		return "java";
	}

}
