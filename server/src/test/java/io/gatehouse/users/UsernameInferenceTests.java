package io.gatehouse.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.gatehouse.shared.FieldViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The username picked for an account created without one: first from the email, then past the taken names. */
class UsernameInferenceTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(quoteCharacter = '"', value = {
			"jane.doe@example.com, jane.doe",
			"Jane+Tag@example.com, jane-tag",
			"UPPER@EXAMPLE.COM, upper",
			"__x@example.com, x",
			".-_lead@example.com, lead",
			"+@example.com, user",
			"o'brien@example.ie, o-brien",
			"first.last+tag@sub.example.co.uk, first.last-tag",
			"a.b@c@example.com, a.b-c" })
	void fromTheEmailLocalPartAValidUsername(String email, String username) {
		assertThat(UsernameInference.fromEmail(email)).isEqualTo(username);
		List<FieldViolation> violations = new ArrayList<>();
		UserRules.checkUsername(username, violations);
		assertThat(violations).isEmpty();
	}

	@ParameterizedTest(name = "{0} characters")
	@CsvSource({ "58", "59", "64" })
	void aLongLocalPartLeavesRoomForANumber(int length) {
		String local = "a".repeat(length);
		String base = UsernameInference.fromEmail(local + "@example.com");
		assertThat(base).hasSize(Math.min(length, UserRules.USERNAME_MAX - 6));
		assertThat(UsernameInference.firstFree(base, Set.of(base)).length()).isLessThanOrEqualTo(UserRules.USERNAME_MAX);
	}

	static Stream<Arguments> collisions() {
		return Stream.of(
				arguments("ada", Set.of(), "ada"),
				arguments("ada", Set.of("adam", "ada.l", "ada3"), "ada"),
				arguments("ada", Set.of("ada"), "ada2"),
				arguments("ada", Set.of("ada", "ada2"), "ada3"),
				// the lowest free number, not one past the highest
				arguments("ada", Set.of("ada", "ada3", "ada4"), "ada2"),
				arguments("ada", Set.of("ada", "ada2", "ada3", "ada4", "ada5", "ada6", "ada7", "ada8", "ada9"), "ada10"),
				// a name that only looks numbered does not take the number
				arguments("ada2", Set.of("ada2"), "ada22"));
	}

	@ParameterizedTest(name = "{0} with {1} taken -> {2}")
	@MethodSource("collisions")
	void aTakenNameTakesTheLowestFreeNumberFromTwo(String base, Set<String> taken, String expected) {
		assertThat(UsernameInference.firstFree(base, taken)).isEqualTo(expected);
	}
}
