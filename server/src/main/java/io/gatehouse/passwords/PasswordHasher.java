package io.gatehouse.passwords;

/**
 * Hashes and verifies passwords with Argon2id. Hashes are PHC strings such as
 * {@code $argon2id$v=19$m=7168,t=5,p=1$<salt>$<hash>} (unpadded standard Base64), the same whichever implementation
 * wrote them.
 */
public interface PasswordHasher {

	/** A new hash of the password with a fresh random salt and the configured cost. */
	String hash(CharSequence password);

	/**
	 * Whether the password matches the encoded hash, which may carry a different cost than the configured one.
	 * Returns false, and never throws, for a null password or a malformed hash.
	 */
	boolean verify(CharSequence password, String encoded);

	/**
	 * Whether the encoded hash should be replaced by a new one, because its algorithm or cost differs from the
	 * configured ones or it cannot be read at all. Never throws.
	 */
	boolean needsRehash(String encoded);

	/** Which code computes the hashes, for logs and diagnostics. */
	String implementationName();

	/**
	 * A hash of an unknown random secret with the configured cost. Verifying against it when a user does not exist
	 * takes as long as a real check, so response times do not reveal which usernames exist.
	 */
	String dummyHash();

}
