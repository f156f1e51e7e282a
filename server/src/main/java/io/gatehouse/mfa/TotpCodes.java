package io.gatehouse.mfa;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

/**
 * RFC 6238 with the parameters every authenticator app understands: SHA-1, 6 digits, 30-second steps. The library
 * computes the codes; this class decides which steps count (the current one and one either side, for clock drift)
 * and tells which step matched, so a used code can be refused the second time.
 */
final class TotpCodes {

	static final int DIGITS = 6;

	static final int PERIOD_SECONDS = 30;

	private static final CodeGenerator GENERATOR = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	private TotpCodes() {
	}

	/** 160 random bits in base32, the length RFC 4226 recommends. */
	static String newSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	static long step(Instant now) {
		return now.getEpochSecond() / PERIOD_SECONDS;
	}

	/** The step whose code this is, among now and one step either side, or empty. */
	static OptionalLong matchingStep(String secret, String code, Instant now) {
		if (code == null) {
			return OptionalLong.empty();
		}
		String digits = code.replace(" ", "");
		if (digits.length() != DIGITS || !digits.chars().allMatch(Character::isDigit)) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			if (MessageDigest.isEqual(generate(secret, step).getBytes(StandardCharsets.US_ASCII),
					digits.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	private static String generate(String secret, long step) {
		try {
			return GENERATOR.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("Cannot compute a TOTP code", ex);
		}
	}
}
