package io.gatehouse.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: 16 base32 characters (80 random bits) shown as {@code XXXX-XXXX-XXXX-XXXX}. With that much
 * entropy a SHA-256 at rest is enough (nothing to brute-force, as for session secrets), and lookup stays an indexed
 * equality.
 */
final class RecoveryCodes {

	static final int COUNT = 10;

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecoveryCodes() {
	}

	static List<String> generate() {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < COUNT; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 16; c++) {
				if (c > 0 && c % 4 == 0) {
					code.append('-');
				}
				code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
			}
			codes.add(code.toString());
		}
		return codes;
	}

	/** Case, spaces and dashes do not matter when a person types a code back. */
	static String hash(String code) {
		String normalized = code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}
}
