package io.gatehouse.cache;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** One poll interval for every cache; the properties of the former polls still count until it is set. */
class CacheSettingsTests {

	@Test
	void aSecondUnlessSet() {
		assertThat(new CacheSettings(new MockEnvironment()).pollInterval()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void readsTheProperty() {
		MockEnvironment environment = new MockEnvironment().withProperty("gatehouse.cache.poll-interval", "250ms");
		assertThat(new CacheSettings(environment).pollInterval()).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void aFormerPropertyAppliesUntilTheNewOneIsSet() {
		MockEnvironment environment = new MockEnvironment().withProperty("gatehouse.access.epoch-poll", "PT2S");
		assertThat(new CacheSettings(environment).pollInterval()).isEqualTo(Duration.ofSeconds(2));
		environment.withProperty("gatehouse.cache.poll-interval", "3s");
		assertThat(new CacheSettings(environment).pollInterval()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void refusesAnIntervalThatIsNotPositive() {
		MockEnvironment environment = new MockEnvironment().withProperty("gatehouse.cache.poll-interval", "0s");
		assertThatIllegalStateException().isThrownBy(() -> new CacheSettings(environment))
			.withMessageContaining("gatehouse.cache.poll-interval");
	}
}
