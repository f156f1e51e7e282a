package io.gatehouse.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GATEHOUSE_LOG_FORMAT} chooses the console's log format before logging starts. */
class LogFormatTests {

	@Test
	void jsonMeansElasticCommonSchemaLines() {
		assertThat(formatFor("json")).isEqualTo("ecs");
		assertThat(formatFor("JSON ")).isEqualTo("ecs");
		assertThat(formatFor("logstash")).isEqualTo("logstash");
	}

	@Test
	void textOrNothingKeepsPlainLines() {
		assertThat(formatFor("text")).isNull();
		assertThat(formatFor(null)).isNull();
	}

	@Test
	void anExplicitSpringBootFormatWins() {
		MockEnvironment environment = new MockEnvironment().withProperty(LogFormat.PROPERTY, "json")
			.withProperty(LogFormat.STRUCTURED, "gelf");
		new LogFormat().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(LogFormat.STRUCTURED)).isEqualTo("gelf");
	}

	private static String formatFor(String value) {
		MockEnvironment environment = new MockEnvironment();
		if (value != null) {
			environment.setProperty(LogFormat.PROPERTY, value);
		}
		new LogFormat().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty(LogFormat.STRUCTURED);
	}
}
