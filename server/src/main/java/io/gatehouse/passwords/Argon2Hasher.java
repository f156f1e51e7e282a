package io.gatehouse.passwords;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import io.gatehouse.shared.Admission;

/**
 * What both Argon2id implementations share: salts, the PHC format, constant-time comparison and the rehash decision.
 * Subclasses only compute the raw hash.
 */
abstract class Argon2Hasher implements PasswordHasher {

	static final int SALT_LENGTH = 16;

	static final int HASH_LENGTH = 32;

	private final Argon2Cost cost;

	private final SecureRandom random = new SecureRandom();

	private volatile String dummyHash;

	Argon2Hasher(Argon2Cost cost) {
		this.cost = cost;
	}

	Argon2Cost cost() {
		return this.cost;
	}

	/** Computes the raw Argon2id v1.3 hash; must not keep or change its arguments. */
	abstract byte[] rawHash(byte[] password, byte[] salt, Argon2Cost cost, int hashLength);

	@Override
	public String hash(CharSequence password) {
		if (password == null) {
			throw new IllegalArgumentException("password must not be null");
		}
		byte[] salt = new byte[SALT_LENGTH];
		this.random.nextBytes(salt);
		return new PhcArgon2Hash(this.cost, salt, derive(password, salt, this.cost, HASH_LENGTH)).encode();
	}

	@Override
	public boolean verify(CharSequence password, String encoded) {
		if (password == null) {
			return false;
		}
		Optional<PhcArgon2Hash> parsed = PhcArgon2Hash.parse(encoded);
		if (parsed.isEmpty()) {
			return false;
		}
		PhcArgon2Hash expected = parsed.get();
		try {
			byte[] actual = derive(password, expected.salt(), expected.cost(), expected.hash().length);
			return MessageDigest.isEqual(actual, expected.hash());
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static final Semaphore HASHING_SLOTS = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

	@Override
	public boolean needsRehash(String encoded) {
		return PhcArgon2Hash.parse(encoded)
			.map((parsed) -> !parsed.cost().equals(this.cost) || parsed.hash().length != HASH_LENGTH)
			.orElse(true);
	}

	@Override
	public String dummyHash() {
		String dummy = this.dummyHash;
		if (dummy == null) {
			// racing first callers may each compute one; any of them serves
			byte[] secret = new byte[24];
			this.random.nextBytes(secret);
			dummy = hash(Base64.getEncoder().encodeToString(secret));
			this.dummyHash = dummy;
		}
		return dummy;
	}

	private byte[] derive(CharSequence password, byte[] salt, Argon2Cost cost, int hashLength) {
		byte[] bytes = PasswordBytes.of(password);
		// More hashes at once than cores only make each slower (measured: 55 sign-ins/s with 2 in flight, 35/s
		// with 8) and multiply the 7 MiB each allocates; the rest wait their turn. That line is the hash's own, so a
		// request gives back its place among those running while it waits in it and hashes: requests that need no
		// hash go on beside the hashes rather than behind them.
		try {
			return Admission.outside(() -> {
				HASHING_SLOTS.acquireUninterruptibly();
				try {
					return rawHash(bytes, salt, cost, hashLength);
				}
				finally {
					HASHING_SLOTS.release();
				}
			});
		}
		finally {
			Arrays.fill(bytes, (byte) 0);
		}
	}

	@Override
	public String toString() {
		return implementationName() + " Argon2id (" + this.cost + ")";
	}

}
