package io.gatehouse.applications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Client secrets kept as SHA-256, and a rotated-out secret that still works until its overlap ends. */
class ApplicationSecretsTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private static ApplicationSecrets at(Instant instant) {
		return new ApplicationSecrets(Clock.fixed(instant, ZoneOffset.UTC));
	}

	@Test
	void aSecretMatchesItsHashOnly() {
		ApplicationSecrets secrets = at(NOW);
		String stored = secrets.encode("s3cret");
		assertThat(stored).startsWith("sha256:").doesNotContain("s3cret");
		assertThat(secrets.matches("s3cret", stored)).isTrue();
		assertThat(secrets.matches("s3cret!", stored)).isFalse();
		assertThat(secrets.matches("s3cret", "s3cret")).as("a value that is not a hash").isFalse();
		assertThat(secrets.previousUntil(stored)).isNull();
	}

	@Test
	void thePreviousSecretWorksUntilItsOverlapEnds() {
		Instant until = NOW.plus(Duration.ofHours(24));
		String stored = at(NOW).encodeKeepingPrevious("new", at(NOW).encode("old"), until);
		assertThat(stored.length()).as("fits the client_secret column").isLessThanOrEqualTo(200);
		assertThat(at(NOW).matches("new", stored)).isTrue();
		assertThat(at(NOW).matches("old", stored)).isTrue();
		assertThat(at(NOW).matches("other", stored)).isFalse();
		assertThat(at(NOW).previousUntil(stored)).isEqualTo(until);
		assertThat(at(until.minusSeconds(1)).matches("old", stored)).isTrue();
		assertThat(at(until).matches("old", stored)).isFalse();
		assertThat(at(until).matches("new", stored)).isTrue();
		assertThat(at(until).previousUntil(stored)).isNull();
	}

	@Test
	void aSecondRotationKeepsOnlyTheSecretItReplaces() {
		ApplicationSecrets secrets = at(NOW);
		String once = secrets.encodeKeepingPrevious("second", secrets.encode("first"), NOW.plusSeconds(60));
		String twice = secrets.encodeKeepingPrevious("third", once, NOW.plusSeconds(60));
		assertThat(secrets.matches("third", twice)).isTrue();
		assertThat(secrets.matches("second", twice)).isTrue();
		assertThat(secrets.matches("first", twice)).isFalse();
	}
}
