package io.gatehouse.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets Gatehouse hands out besides tokens (session cookies, second-factor challenges, mailed links): 32
 * random bytes, kept only as SHA-256. With 256 bits of entropy a fast hash is enough (nothing to brute-force), and
 * the look-up is an indexed equality on the hash, so no string comparison of the secret can leak it through timing.
 */
public final class RandomSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomSecrets() {
	}

	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** A secret that cannot be one of ours is refused before any database look-up. */
	public static boolean wellFormed(String secret) {
		return secret != null && secret.length() == 43 && secret.chars().allMatch(c -> Character.isLetterOrDigit(c)
				&& c < 128 || c == '-' || c == '_');
	}
}
