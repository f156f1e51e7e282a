package io.gatehouse.tokens;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The shape of a personal access token: {@code gh_pat_}, 43 base62 characters of randomness (256 bits), and a
 * 6-character base62 CRC32 of what precedes it. The prefix lets people and secret scanners recognise a Gatehouse
 * token; the checksum lets a scanner, and Gatehouse itself, reject a look-alike without a database round trip.
 *
 * Hand-written because no library defines this format; it follows the scheme GitHub published for its tokens.
 */
public final class TokenFormat {

	public static final String PREFIX = "gh_pat_";

	static final int RANDOM_LENGTH = 43;

	static final int CHECKSUM_LENGTH = 6;

	static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

	/** How much of a token is kept in clear to recognise it in a list: the prefix and 5 random characters. */
	static final int DISPLAY_LENGTH = PREFIX.length() + 5;

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TokenFormat() {
	}

	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String body = PREFIX + base62(new BigInteger(1, bytes), RANDOM_LENGTH);
		return body + checksum(body);
	}

	/** True when the text has the token's prefix, length, alphabet and a matching checksum. */
	public static boolean isWellFormed(String token) {
		if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
			return false;
		}
		for (int i = PREFIX.length(); i < LENGTH; i++) {
			if (ALPHABET.indexOf(token.charAt(i)) < 0) {
				return false;
			}
		}
		String body = token.substring(0, LENGTH - CHECKSUM_LENGTH);
		return checksum(body).equals(token.substring(LENGTH - CHECKSUM_LENGTH));
	}

	/**
	 * SHA-256 of the token: enough for 256 bits of randomness (there is nothing to brute-force), fast on the hot
	 * path, and an equality lookup on it leaks no timing about the secret.
	 */
	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	static String checksum(String body) {
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));
		return base62(BigInteger.valueOf(crc.getValue()), CHECKSUM_LENGTH);
	}

	private static String base62(BigInteger value, int length) {
		char[] out = new char[length];
		BigInteger base = BigInteger.valueOf(ALPHABET.length());
		for (int i = length - 1; i >= 0; i--) {
			BigInteger[] division = value.divideAndRemainder(base);
			out[i] = ALPHABET.charAt(division[1].intValue());
			value = division[0];
		}
		return new String(out);
	}
}
