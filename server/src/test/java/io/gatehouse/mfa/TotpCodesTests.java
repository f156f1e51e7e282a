package io.gatehouse.mfa;

import java.time.Instant;
import java.util.OptionalLong;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which codes count: the current 30-second step's and one step either side (clock drift), each told by its step so
 * that the store can refuse it the second time.
 */
class TotpCodesTests {

	// RFC 6238's SHA-1 seed, "12345678901234567890", in base32
	private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	private static final Instant NOW = Instant.parse("2026-12-03T10:15:10Z");

	@ParameterizedTest(name = "at {0}s: {1}")
	@CsvSource({
			// RFC 6238 appendix B, the last six of its eight digits
			"59,         287082",
			"1111111109, 081804",
			"1111111111, 050471",
			"1234567890, 005924",
			"2000000000, 279037" })
	void computesTheCodesOfRfc6238(long epochSecond, String code) {
		Instant at = Instant.ofEpochSecond(epochSecond);
		assertThat(TotpCodes.matchingStep(RFC_SECRET, code, at)).hasValue(TotpCodes.step(at));
	}

	@ParameterizedTest(name = "code of step {0} from now: accepted {1}")
	@CsvSource({ "-3, false", "-2, false", "-1, true", "0, true", "1, true", "2, false", "3, false" })
	void acceptsTheCurrentStepAndOneEitherSide(int offset, boolean accepted) {
		long step = TotpCodes.step(NOW) + offset;
		OptionalLong matched = TotpCodes.matchingStep(RFC_SECRET, code(step), NOW);
		if (accepted) {
			assertThat(matched).hasValue(step);
		}
		else {
			assertThat(matched).isEmpty();
		}
	}

	@Test
	void stepsAreThirtySeconds() {
		assertThat(TotpCodes.step(Instant.ofEpochSecond(29))).isZero();
		assertThat(TotpCodes.step(Instant.ofEpochSecond(30))).isEqualTo(1);
	}

	@Test
	void spacesAsAppsShowThemDoNotMatter() {
		String code = code(TotpCodes.step(NOW));
		assertThat(TotpCodes.matchingStep(RFC_SECRET, code.substring(0, 3) + " " + code.substring(3), NOW))
			.hasValue(TotpCodes.step(NOW));
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "", "12345", "1234567", "12a456", "      " })
	void refusesAnythingButSixDigits(String code) {
		assertThat(TotpCodes.matchingStep(RFC_SECRET, code, NOW)).isEmpty();
	}

	@Test
	void refusesNoCode() {
		assertThat(TotpCodes.matchingStep(RFC_SECRET, null, NOW)).isEmpty();
	}

	@Test
	void aCodeOfAnotherSecretDoesNotCount() {
		String other = TotpCodes.newSecret();
		assertThat(other).hasSize(32).matches("[A-Z2-7]+");
		assertThat(TotpCodes.matchingStep(other, code(TotpCodes.step(NOW)), NOW)).isEmpty();
	}

	private static String code(long step) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(RFC_SECRET, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
