package io.gatehouse.database;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gatehouse.cache.SharedCaches;
import io.gatehouse.support.GatehouseNode;
import io.gatehouse.support.TcpForwarder;
import io.gatehouse.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static io.gatehouse.support.GatehouseNode.ADMIN;
import static io.gatehouse.support.GatehouseNode.ADMIN_PASSWORD;
import static io.gatehouse.support.GatehouseNode.PASSWORD;
import static io.gatehouse.support.GatehouseNode.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database going away and coming back, for real: two nodes reach PostgreSQL through a TCP forwarder that the
 * test cuts and restores. One node has the probe as configured; on the other it never runs, so its requests go to
 * the pool and fail there, in a filter or a controller: both must answer 503 problem+json with Retry-After, never
 * 500, and recover without a restart.
 *
 * PostgreSQL only: H2 runs inside the JVM and cannot be cut off (skipped on H2 by its condition).
 */
@EnabledIfSystemProperty(named = "gatehouse.test.db", matches = "postgresql",
		disabledReason = "a database outage is simulated with a TCP forwarder in front of PostgreSQL")
@ExtendWith(TestDatabase.class)
class DatabaseOutageIntegrationTests {

	// the probe's timeout and interval, or the pool's connection timeout, and a busy machine
	private static final Duration FEW_SECONDS = Duration.ofSeconds(6);

	private static TcpForwarder forwarder;

	private static GatehouseNode probed;

	private static GatehouseNode unprobed;

	@BeforeAll
	static void start() throws Exception {
		URI direct = URI.create(TestDatabase.url("gatehouse_outage_test").substring("jdbc:".length()));
		forwarder = new TcpForwarder(direct.getHost(), direct.getPort());
		String url = "jdbc:postgresql://127.0.0.1:" + forwarder.port() + direct.getRawPath()
				+ (direct.getRawQuery() == null ? "" : "?" + direct.getRawQuery());
		probed = GatehouseNode.start(url, Map.of());
		unprobed = GatehouseNode.start(url, Map.of("gatehouse.database.probe-interval", "1h"));
	}

	@AfterAll
	static void stop() {
		if (forwarder != null) {
			forwarder.restore();
		}
		for (GatehouseNode node : new GatehouseNode[] { unprobed, probed }) {
			if (node != null) {
				node.close();
			}
		}
		if (forwarder != null) {
			forwarder.close();
		}
	}

	@Test
	void anOutageIsAnswered503AndRecoveredFromWithoutARestart() throws Exception {
		String adminToken = probed.token(probed.signIn(ADMIN, ADMIN_PASSWORD));
		String login = "outage" + UUID.randomUUID().toString().substring(0, 8);
		probed.post(adminToken, "/api/v1/users",
				Map.of("username", login, "email", login + "@example.com", "password", PASSWORD));
		GatehouseNode.Session userSession = unprobed.signIn(login, PASSWORD);
		// never used before the outage: the filter must look it up in the database
		String freshToken = unprobed.token(unprobed.signIn(ADMIN, ADMIN_PASSWORD));
		assertThat(status(probed.anonymous().get().uri("/actuator/health/readiness"))).isEqualTo(200);

		ListAppender<ILoggingEvent> logged = capture(SharedCaches.class, DatabaseProbe.class);
		forwarder.cut();
		try {
			// the probed node: known at once, so refused at once
			await().atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(100))
				.until(() -> status(probed.anonymous().get().uri("/actuator/health/readiness")) == 503);
			assertUnavailable(probed.withToken(adminToken).get().uri("/api/v1/users").exchange()
				.returnResult(String.class));
			assertThat(status(probed.anonymous().get().uri("/actuator/health/liveness"))).isEqualTo(200);
			assertConsolePageUnavailable(probed, userSession);
			assertHtmxRequestUnavailable(probed, userSession);

			// the node that does not know yet: its pool gives up within seconds, in the token filter...
			long started = System.nanoTime();
			assertUnavailable(unprobed.withToken(freshToken).get().uri("/api/v1/me").exchange()
				.returnResult(String.class));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FEW_SECONDS);
			// ...in a controller (a sign-in), and for a console page
			assertUnavailable(unprobed.anonymous().post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("login", login, "password", "wrong-" + PASSWORD)).exchange().returnResult(String.class));
			assertConsolePageUnavailable(unprobed, userSession);
			assertHtmxRequestUnavailable(unprobed, userSession);

			// many requests waiting do not hold up the health endpoints
			ExecutorService clients = Executors.newFixedThreadPool(40);
			try {
				List<CompletableFuture<Integer>> waiting = new ArrayList<>();
				for (int i = 0; i < 40; i++) {
					waiting.add(CompletableFuture.supplyAsync(
							() -> status(probed.withToken(adminToken).get().uri("/api/v1/users")), clients));
				}
				long asked = System.nanoTime();
				assertThat(status(probed.anonymous().get().uri("/actuator/health/readiness"))).isEqualTo(503);
				assertThat(status(probed.anonymous().get().uri("/actuator/health/liveness"))).isEqualTo(200);
				assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
				assertThat(waiting.stream().map(CompletableFuture::join)).containsOnly(503);
			}
			finally {
				clients.shutdownNow();
			}

			// wrong passwords sent during the outage: more than the lock takes, none answered
			for (int i = 0; i < 12; i++) {
				GatehouseNode node = i % 2 == 0 ? probed : unprobed;
				assertThat(status(node.anonymous().post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("login", login, "password", "wrong-" + i)))).isEqualTo(503);
			}
			// the polls back off quietly: one warning per node at most, no stack trace
			Thread.sleep(2000);
		}
		finally {
			forwarder.restore();
			stopCapturing(logged, SharedCaches.class, DatabaseProbe.class);
		}
		assertThat(logged.list).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
		assertThat(logged.list.stream().filter(event -> event.getLevel() == Level.WARN
				&& event.getLoggerName().equals(SharedCaches.class.getName()))).hasSizeLessThanOrEqualTo(2);

		await().atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(100))
			.until(() -> status(probed.anonymous().get().uri("/actuator/health/readiness")) == 200);
		for (GatehouseNode node : List.of(probed, unprobed)) {
			await().atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(100))
				.until(() -> status(node.withToken(adminToken).get().uri("/api/v1/users")) == 200);
		}
		// the attempts made during the outage were not counted: the right password is taken at once
		assertThat(status(unprobed.anonymous().post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", login, "password", PASSWORD)))).isEqualTo(200);
		String after = "after" + UUID.randomUUID().toString().substring(0, 8);
		probed.post(adminToken, "/api/v1/users",
				Map.of("username", after, "email", after + "@example.com", "password", PASSWORD));
	}

	private static void assertUnavailable(EntityExchangeResult<String> result) {
		assertThat(result.getStatus().value()).isEqualTo(503);
		assertThat(result.getResponseHeaders().getContentType())
			.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(result.getResponseBody()).contains("\"code\":\"database-unavailable\"").contains("\"status\":503");
	}

	private static void assertConsolePageUnavailable(GatehouseNode node, GatehouseNode.Session session) {
		EntityExchangeResult<String> page = node.anonymous().get().uri("/console/users")
			.header(HttpHeaders.COOKIE, "GATEHOUSE_SESSION=" + session.cookie())
			.accept(MediaType.TEXT_HTML).exchange().returnResult(String.class);
		assertThat(page.getStatus().value()).isEqualTo(503);
		assertThat(page.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(page.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(page.getResponseBody()).contains("Temporarily unavailable").doesNotContain("Exception");
	}

	/**
	 * An htmx request (its XMLHttpRequest accepts anything) gets what the console's htmx:responseError handler shows:
	 * the status, a problem detail whose detail is the sentence to show, and Retry-After.
	 */
	private static void assertHtmxRequestUnavailable(GatehouseNode node, GatehouseNode.Session session) {
		EntityExchangeResult<String> answer = node.anonymous().get().uri("/console/users?q=x")
			.header(HttpHeaders.COOKIE, "GATEHOUSE_SESSION=" + session.cookie())
			.header("HX-Request", "true").header(HttpHeaders.ACCEPT, "*/*")
			.exchange().returnResult(String.class);
		assertUnavailable(answer);
		assertThat(answer.getResponseBody()).contains("\"detail\":\"" + DatabaseOutage.DETAIL + "\"");
	}

	private static ListAppender<ILoggingEvent> capture(Class<?>... sources) {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		for (Class<?> source : sources) {
			((Logger) LoggerFactory.getLogger(source)).addAppender(appender);
		}
		return appender;
	}

	private static void stopCapturing(ListAppender<ILoggingEvent> appender, Class<?>... sources) {
		for (Class<?> source : sources) {
			((Logger) LoggerFactory.getLogger(source)).detachAppender(appender);
		}
	}
}
