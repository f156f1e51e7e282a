package io.gatehouse.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code GATEHOUSE_LOG_FORMAT=json} (or {@code gatehouse.log-format: json}) writes the console log as JSON lines in
 * the Elastic Common Schema, with the request id, actor and client address of the request each line was written in
 * ({@link RequestLogContext}); {@code ecs}, {@code logstash} and {@code gelf} choose Spring Boot's formats by name,
 * and {@code text} (the default) keeps plain lines. Runs before logging starts, after the configuration files are
 * read; an explicit {@code logging.structured.format.console} wins. Public because Spring Boot creates it from
 * {@code META-INF/spring.factories}.
 */
public final class LogFormat implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "gatehouse.log-format";

	static final String STRUCTURED = "logging.structured.format.console";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String format = environment.getProperty(PROPERTY, "text").strip().toLowerCase(Locale.ROOT);
		if (environment.containsProperty(STRUCTURED) || format.isEmpty() || format.equals("text")) {
			return;
		}
		String structured = format.equals("json") ? "ecs" : format;
		environment.getPropertySources()
			.addFirst(new MapPropertySource("gatehouseLogFormat", Map.of(STRUCTURED, structured)));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
