package io.gatehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The backup the README describes round-trips: {@code bin/gatehouse-db backup} dumps the database of a running
 * Gatehouse, {@code bin/gatehouse-db restore} puts it into a fresh database, and a Gatehouse started on that one
 * signs in the people and accepts the tokens of the original. PostgreSQL only (pg_dump and pg_restore).
 */
class BackupRestoreIntegrationTests extends ApiIntegrationTest {

	private static final Path SCRIPT = Path.of("../bin/gatehouse-db");

	private final String restored = "gatehouse_restore"
			+ System.getenv().getOrDefault("GATEHOUSE_TEST_DB_SUFFIX", "").replaceAll("[^A-Za-z0-9_]", "_");

	private ConfigurableApplicationContext restoredServer;

	@AfterEach
	void dropTheRestoredDatabase() throws SQLException {
		if (restoredServer != null) {
			restoredServer.close();
		}
		if (TestDatabase.isPostgres()) {
			dropRestored();
		}
	}

	@Test
	void aDumpRestoredIntoAFreshDatabaseServesTheSameUsersAndTokens() throws Exception {
		assumeTrue(TestDatabase.isPostgres(), "pg_dump and pg_restore need PostgreSQL");
		String username = unique("backup");
		createUser(username);
		String token = signIn(username, PASSWORD).createToken("kept");
		dropRestored();
		Path dump = Files.createTempFile("gatehouse-", ".dump");
		try {
			String source = TestDatabase.url("gatehouse_test");
			// the database's name, without the URL's options (the isolation level of a SERIALIZABLE run)
			String database = source.substring(source.lastIndexOf('/') + 1).replaceFirst("\\?.*$", "");
			assertThat(run("backup", database, dump.toString())).isZero();
			assertThat(run("restore", dump.toString(), restored)).isZero();
			assertThat(run("restore", dump.toString(), restored)).as("a second restore into the same database")
				.isNotZero();
		}
		finally {
			Files.deleteIfExists(dump);
		}

		// as arguments, which win over application.yml (builder properties are only defaults)
		restoredServer = new SpringApplicationBuilder(Gatehouse.class).run("--server.port=0",
				"--spring.datasource.url=" + onTheTestServer(restored),
				"--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=",
				"--spring.datasource.hikari.maximum-pool-size=4", "--gatehouse.mail.host=", "--spring.jmx.enabled=false");
		assertThat(restoredServer.getEnvironment().getProperty("spring.datasource.url")).endsWith("/" + restored);
		String base = "http://localhost:" + restoredServer.getEnvironment().getProperty("local.server.port");

		RestTestClient.bindToServer().baseUrl(base).build().post().uri("/api/v1/session")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", username, "password", PASSWORD))
			.exchange()
			.expectStatus().isOk();
		RestTestClient.bindToServer().baseUrl(base).defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build()
			.get().uri("/api/v1/me").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.username").isEqualTo(username);
		RestTestClient.bindToServer().baseUrl(base).build().post().uri("/api/v1/session")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", ADMIN, "password", ADMIN_PASSWORD))
			.exchange()
			.expectStatus().isOk();
	}

	/** The script's exit code; the test's PostgreSQL is reached as libpq's variables say. */
	private static int run(String... arguments) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
		java.net.URI server = java.net.URI.create(onTheTestServer("postgres").substring("jdbc:".length()));
		builder.environment().put("PGHOST", server.getHost());
		builder.environment().put("PGPORT", Integer.toString(server.getPort() < 0 ? 5432 : server.getPort()));
		builder.environment().put("PGUSER", TestDatabase.user());
		Process process = builder.start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("gatehouse-db " + arguments[0] + " finished").isTrue();
		return process.exitValue();
	}

	/** A JDBC URL of {@code database} on the test's PostgreSQL, without creating it (as TestDatabase would). */
	private static String onTheTestServer(String database) {
		String base = System.getProperty("gatehouse.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/gatehouse_test");
		return base.substring(0, base.lastIndexOf('/') + 1) + database;
	}

	private void dropRestored() throws SQLException {
		// only this checkout's own restore database, never another's
		try (Connection connection = DriverManager.getConnection(onTheTestServer("postgres"),
				TestDatabase.user(), ""); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
		}
	}
}
