package io.gatehouse.users;

import java.util.ArrayList;
import java.util.List;

import io.gatehouse.shared.FieldViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UserRulesTests {

	@ParameterizedTest
	@ValueSource(strings = { "a@example.com", "first.last+tag@sub.example.co.uk", "o'brien@example.ie",
			"x_y-z@example-domain.io", "UPPER@EXAMPLE.COM" })
	void acceptsRealEmailAddresses(String email) {
		assertThat(UserRules.isEmail(email)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "plain", "@example.com", "a@", "a@example", "a@@example.com", "a b@example.com",
			"a..b@example.com", ".a@example.com", "a.@example.com", "a@-example.com", "a@example..com",
			"a@example.123", "a@exa_mple.com" })
	void refusesMalformedEmailAddresses(String email) {
		assertThat(UserRules.isEmail(email)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "-lead", ".lead", "has space", "with@at", "ünïcode" })
	void refusesUsernamesOutsideThePattern(String username) {
		List<FieldViolation> violations = new ArrayList<>();
		UserRules.checkUsername(username, violations);
		assertThat(violations).extracting(FieldViolation::rule).containsExactly("pattern");
	}

	@ParameterizedTest
	@CsvSource({ "Europe/Paris, true", "America/Argentina/Buenos_Aires, true", "UTC, true", "Mars/Olympus, false",
			"+02:00, false" })
	void acceptsOnlyIanaTimeZones(String zone, boolean valid) {
		List<FieldViolation> violations = new ArrayList<>();
		UserRules.checkTimeZone(zone, violations);
		assertThat(violations.isEmpty()).isEqualTo(valid);
	}
}
