package io.gatehouse.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code gatehouse.log-format=json} (what {@code GATEHOUSE_LOG_FORMAT=json} sets) each console log line is one
 * JSON object, and a line written while a request is served names the request id, the actor and the client address.
 * The dispatcher's own debug lines are switched on to have a line written inside a request, only while each test
 * runs: the logging system is one per JVM, and the test classes that share a context after this one would
 * otherwise write every request twice.
 */
// a context of its own, closed after the class: its outbox worker would otherwise go on taking other tests' mails
@DirtiesContext
@TestPropertySource(properties = "gatehouse.log-format=json")
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsIntegrationTests extends ApiIntegrationTest {

	private static final String DISPATCHER = "org.springframework.web.servlet.DispatcherServlet";

	@BeforeEach
	void dispatcherWritesALineInsideEachRequest() {
		LoggingSystem.get(getClass().getClassLoader()).setLogLevel(DISPATCHER, LogLevel.DEBUG);
	}

	@AfterEach
	void dispatcherQuietAgain() {
		LoggingSystem.get(getClass().getClassLoader()).setLogLevel(DISPATCHER, null);
	}

	private static final JsonMapper JSON_LINES = JsonMapper.builder().build();

	@Test
	void linesAreJsonWithTheRequestIdActorAndClientAddress(CapturedOutput output) {
		String address = uniqueAddress();
		String requestId = "req-" + unique("");
		withTokenFrom(adminToken(), address).get().uri("/api/v1/me").header("X-Request-Id", requestId).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-Request-Id", requestId);

		List<Map<String, Object>> lines = output.getOut().lines()
			.filter(line -> line.contains(requestId))
			.map(JsonLogsIntegrationTests::parse)
			.toList();
		assertThat(lines).isNotEmpty();
		assertThat(lines).allSatisfy(line -> {
			assertThat(line).containsKey("@timestamp").containsKey("message");
			assertThat(field(line, "request.id")).isEqualTo(requestId);
			// the address as the server spells it (IPv6 in full), the same address
			assertThat(sameAddress((String) field(line, "client.address"), address)).isTrue();
		});
		assertThat(lines).anySatisfy(line -> assertThat(field(line, "actor")).isEqualTo(ADMIN));
	}

	@Test
	void aRequestIdThatCouldForgeALogLineIsReplaced(CapturedOutput output) {
		String sent = withToken(adminToken()).get().uri("/api/v1/me").header("X-Request-Id", "a\" b{}")
			.exchange()
			.expectStatus().isOk()
			.returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
		assertThat(sent).isNotEqualTo("a\" b{}").matches("[0-9a-f-]{36}");
		assertThat(output.getOut().lines().filter(line -> line.contains(sent))).isNotEmpty()
			.allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
	}

	private static boolean sameAddress(String logged, String sent) {
		try {
			return logged != null && InetAddress.getByName(logged).equals(InetAddress.getByName(sent));
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(String line) {
		return JSON_LINES.readValue(line, Map.class);
	}

	/** A dotted field, written flat ({@code "request.id"}) or nested ({@code "request": {"id"}}). */
	@SuppressWarnings("unchecked")
	private static Object field(Map<String, Object> line, String dotted) {
		if (line.containsKey(dotted)) {
			return line.get(dotted);
		}
		Object value = line;
		for (String part : dotted.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = ((Map<String, Object>) map).get(part);
		}
		return value;
	}
}
