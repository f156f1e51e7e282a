package io.gatehouse.nodes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.gatehouse.support.GatehouseNode;
import io.gatehouse.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node told to stop (SIGTERM, a rolling update) takes no new request but finishes those it has: a change in flight
 * when the stop begins is answered and kept.
 */
@EnabledIfSystemProperty(named = "gatehouse.test.db", matches = "postgresql",
		disabledReason = "holds a row lock from a second connection while the node waits for it")
@ExtendWith(TestDatabase.class)
class GracefulShutdownIntegrationTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void aRequestInFlightWhenTheNodeStopsIsAnsweredAndItsChangeKept() throws Exception {
		String url = TestDatabase.url("gatehouse_shutdown_test");
		GatehouseNode node = GatehouseNode.start(url, Map.of());
		boolean closed = false;
		try {
			String token = node.token(node.signIn(GatehouseNode.ADMIN, GatehouseNode.ADMIN_PASSWORD));
			String name = "inflight" + UUID.randomUUID().toString().substring(0, 8);
			UUID id = UUID.fromString((String) node.post(token, "/api/v1/users",
					Map.of("username", name, "email", name + "@example.com", "password", GatehouseNode.PASSWORD))
				.get("id"));
			String base = node.base();

			try (Connection locker = DriverManager.getConnection(url, TestDatabase.user(), "")) {
				// the user's row locked elsewhere: the change below waits inside the node for as long as the test likes
				locker.setAutoCommit(false);
				try (PreparedStatement lock = locker.prepareStatement("SELECT id FROM users_account WHERE id = ? FOR UPDATE")) {
					lock.setObject(1, id);
					lock.executeQuery();
				}
				CompletableFuture<HttpResponse<String>> change = http.sendAsync(HttpRequest.newBuilder(
						URI.create(base + "/api/v1/users/" + id))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Finished in flight\"}"))
					.timeout(Duration.ofSeconds(60))
					.build(), HttpResponse.BodyHandlers.ofString());
				await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock(locker));

				CompletableFuture<Void> stopping = CompletableFuture.runAsync(node::close);
				// new requests are turned away while the one in flight goes on
				await().atMost(Duration.ofSeconds(10)).until(() -> !answers(base));
				assertThat(change).isNotDone();
				assertThat(stopping).isNotDone();

				locker.rollback();
				HttpResponse<String> answered = change.get(30, TimeUnit.SECONDS);
				assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
				assertThat(answered.body()).contains("Finished in flight");
				stopping.get(30, TimeUnit.SECONDS);
				closed = true;
			}
			// kept: a node started afterwards reads it
			GatehouseNode next = GatehouseNode.start(url, Map.of());
			try {
				assertThat(next.bean(JdbcClient.class).sql("SELECT display_name FROM users_account WHERE id = ?")
					.param(id).query(String.class).single()).isEqualTo("Finished in flight");
			}
			finally {
				next.close();
			}
		}
		finally {
			if (!closed) {
				node.close();
			}
		}
	}

	private static boolean waitingForALock(Connection locker) throws Exception {
		try (PreparedStatement waiting = locker.prepareStatement(
				"SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()");
				var rows = waiting.executeQuery()) {
			rows.next();
			return rows.getInt(1) > 0;
		}
	}

	private boolean answers(String base) {
		try {
			http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness"))
				.timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
			return true;
		}
		catch (Exception refused) {
			return false;
		}
	}
}
