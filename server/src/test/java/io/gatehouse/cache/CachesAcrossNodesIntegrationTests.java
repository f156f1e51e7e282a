package io.gatehouse.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.gatehouse.Gatehouse;
import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL: a change made through one is seen by the other within the poll interval of the change
 * table, for every kind of cache. Each case first makes the other node cache the old state, so that what the test
 * sees is the cache being dropped, not a first read. PostgreSQL only: it is what several nodes share in production
 * (and a missing PostgreSQL fails in CI, as for every PostgreSQL run, see {@link TestDatabase}).
 */
@EnabledIfSystemProperty(named = "gatehouse.test.db", matches = "postgresql")
@ExtendWith(TestDatabase.class)
class CachesAcrossNodesIntegrationTests {

	private static final Duration POLL = Duration.ofSeconds(1);

	// the poll interval, plus the poll itself and a request on a busy machine
	private static final Duration BOUND = POLL.plusMillis(500);

	private static final String ADMIN = "admin";

	private static final String ADMIN_PASSWORD = "Gatekeeper#2026x";

	private static final String PASSWORD = "Correct-Horse-7";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static String adminToken;

	@BeforeAll
	static void startTwoNodes() {
		String url = TestDatabase.url("gatehouse_nodes_test");
		// one after the other: the first makes the schema and the administrator, the second finds them
		first = node(url);
		second = node(url);
		adminToken = token(first, signIn(first, ADMIN, ADMIN_PASSWORD));
	}

	@AfterAll
	static void stopNodes() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	@Test
	void aRoleBindingReachesTheOtherNodesDecisions() {
		Map<String, Object> user = createUser("bind");
		String workspace = (String) post(first, adminToken, "/api/v1/resources",
				Map.of("type", "workspace", "name", "Nodes " + UUID.randomUUID())).get("id");
		Map<String, Object> question = Map.of("user", user.get("id"), "permission", "projects:read", "resource",
				workspace);
		assertThat(post(second, adminToken, "/api/v1/authz/check", question)).containsEntry("allowed", false);

		post(first, adminToken, "/api/v1/resources/" + workspace + "/bindings", Map.of("principalType", "user",
				"principalId", user.get("id"), "roleId", BuiltInRoles.VIEWER.toString()));

		await().atMost(BOUND).pollInterval(Duration.ofMillis(50))
			.until(() -> Boolean.TRUE.equals(post(second, adminToken, "/api/v1/authz/check", question).get("allowed")));
	}

	@Test
	void anIpAllowlistReachesTheOtherNode() {
		Map<String, Object> user = createUser("allow");
		String token = token(first, signIn(first, (String) user.get("username"), PASSWORD));
		IntSupplier fromOutside = () -> status(client(second, token).get().uri("/api/v1/me")
			.header("X-Forwarded-For", "198.51.100.80"));
		assertThat(fromOutside.getAsInt()).isEqualTo(200);

		client(first, adminToken).put().uri("/api/v1/users/{id}/ip-allowlist", user.get("id"))
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("rules", List.of("203.0.113.0/24")))
			.exchange().expectStatus().isOk();

		awaitStatus(fromOutside, 403);
	}

	@Test
	void aSettingReachesTheOtherNode() {
		Map<String, Object> user = createUser("preset");
		// twelve characters: enough for the complexity preset, too short for NIST's fifteen
		IntSupplier setShortPassword = () -> status(client(second, adminToken).put()
			.uri("/api/v1/users/{id}/password", user.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("password", "Aa1!xYz9#kLm", "confirmPassword", "Aa1!xYz9#kLm")));
		assertThat(setShortPassword.getAsInt()).isEqualTo(204);
		try {
			patchSettings(Map.of("passwordPreset", "nist"));
			awaitStatus(setShortPassword, 400);
		}
		finally {
			patchSettings(Map.of("passwordPreset", "complexity"));
		}
	}

	@Test
	void aRevokedTokenIsRefusedByTheOtherNode() {
		Map<String, Object> user = createUser("revoke");
		Map<String, Object> created = createToken(first, signIn(first, (String) user.get("username"), PASSWORD));
		String token = (String) created.get("token");
		IntSupplier me = () -> status(client(second, token).get().uri("/api/v1/me"));
		assertThat(me.getAsInt()).isEqualTo(200);

		client(first, token).delete().uri("/api/v1/me/tokens/{id}", created.get("id")).exchange()
			.expectStatus().is2xxSuccessful();

		awaitStatus(me, 401);
	}

	@Test
	void aDeactivatedUserIsRefusedByTheOtherNode() {
		Map<String, Object> user = createUser("deact");
		String token = token(first, signIn(first, (String) user.get("username"), PASSWORD));
		IntSupplier me = () -> status(client(second, token).get().uri("/api/v1/me"));
		assertThat(me.getAsInt()).isEqualTo(200);

		client(first, adminToken).post().uri("/api/v1/users/{id}/deactivate", user.get("id")).exchange()
			.expectStatus().isOk();

		awaitStatus(me, 401);
	}

	@Test
	void aSecretRotatedWithoutOverlapIsRefusedByTheOtherNode() throws InterruptedException {
		Map<String, Object> application = createApplication("rotated");
		IntSupplier oldSecret = () -> clientCredentials(second, (String) application.get("clientId"),
				(String) application.get("clientSecret"));
		// the other node authenticates the client, and so keeps it, before the rotation
		assertThat(oldSecret.getAsInt()).isEqualTo(200);

		client(first, adminToken).post().uri("/api/v1/applications/{id}/secret?overlap=0", application.get("id"))
			.exchange().expectStatus().isOk();

		awaitStatus(oldSecret, 401);
	}

	@Test
	void aDeletedApplicationGetsNoTokenFromTheOtherNode() throws InterruptedException {
		Map<String, Object> application = createApplication("deleted");
		IntSupplier token = () -> clientCredentials(second, (String) application.get("clientId"),
				(String) application.get("clientSecret"));
		assertThat(token.getAsInt()).isEqualTo(200);

		client(first, adminToken).delete().uri("/api/v1/applications/{id}", application.get("id")).exchange()
			.expectStatus().isNoContent();

		awaitStatus(token, 401);
	}

	@Test
	void aRevokedAccessTokenIsInactiveOnTheOtherNode() throws InterruptedException {
		Map<String, Object> application = createApplication("revoked");
		String clientId = (String) application.get("clientId");
		String secret = (String) application.get("clientSecret");
		String token = (String) oauth(first, "/oauth2/token", clientId, secret, "grant_type=client_credentials")
			.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("access_token");
		Supplier<Object> active = () -> oauth(second, "/oauth2/introspect", clientId, secret, "token=" + token)
			.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("active");
		// the other node finds the token, and so keeps it, before the revocation
		assertThat(active.get()).isEqualTo(true);

		oauth(first, "/oauth2/revoke", clientId, secret, "token=" + token).expectStatus().isOk();

		await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> Boolean.FALSE.equals(active.get()));
	}

	/**
	 * Made, then given the other node's poll time to see it: a creation moves the area too, and the poll that empties
	 * the other node's caches for it must not come after the test made that node keep something.
	 */
	private static Map<String, Object> createApplication(String prefix) throws InterruptedException {
		Map<String, Object> application = post(first, adminToken, "/api/v1/applications",
				Map.of("name", prefix + " " + UUID.randomUUID(), "type", "confidential", "grantTypes",
						List.of("client_credentials")));
		Thread.sleep(BOUND.toMillis());
		return application;
	}

	private static int clientCredentials(ConfigurableApplicationContext node, String clientId, String secret) {
		return oauth(node, "/oauth2/token", clientId, secret, "grant_type=client_credentials").returnResult(String.class)
			.getStatus().value();
	}

	/** A form POST to one of the OpenID Provider's endpoints, the client authenticating with client_secret_basic. */
	private static RestTestClient.ResponseSpec oauth(ConfigurableApplicationContext node, String path, String clientId,
			String secret, String form) {
		return RestTestClient.bindToServer().baseUrl(base(node)).build().post().uri(path)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).headers(headers -> headers.setBasicAuth(clientId, secret))
			.body(form).exchange();
	}

	private static ConfigurableApplicationContext node(String url) {
		// as arguments: default properties would lose to application.yml
		Map<String, String> properties = Map.ofEntries(
				Map.entry("server.port", "0"),
				Map.entry("spring.datasource.url", url),
				Map.entry("spring.datasource.username", TestDatabase.user()),
				Map.entry("spring.datasource.password", ""),
				Map.entry("spring.datasource.hikari.maximum-pool-size", "4"),
				Map.entry("spring.datasource.hikari.minimum-idle", "1"),
				Map.entry("gatehouse.bootstrap.admin-username", ADMIN),
				Map.entry("gatehouse.bootstrap.admin-password", ADMIN_PASSWORD),
				// the test client is a trusted proxy, so it can speak for any client address
				Map.entry("gatehouse.network.trusted-proxies", "127.0.0.1,::1"),
				Map.entry("gatehouse.users.require-role-on-create", "false"),
				Map.entry("gatehouse.cache.poll-interval", POLL.toString()),
				Map.entry("logging.level.io.gatehouse.mail", "WARN"));
		return new SpringApplicationBuilder(Gatehouse.class)
			.run(properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new));
	}

	private static Map<String, Object> createUser(String prefix) {
		String name = prefix + UUID.randomUUID().toString().substring(0, 8);
		return post(first, adminToken, "/api/v1/users",
				Map.of("username", name, "email", name + "@example.com", "password", PASSWORD));
	}

	private static void patchSettings(Map<String, Object> changes) {
		client(first, adminToken).patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON)
			.body(changes).exchange().expectStatus().isOk();
	}

	private static void awaitStatus(IntSupplier request, int expected) {
		await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> request.getAsInt() == expected);
	}

	private static Map<String, Object> post(ConfigurableApplicationContext node, String token, String path,
			Map<String, Object> body) {
		return client(node, token).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
			.expectStatus().is2xxSuccessful().expectBody(JSON).returnResult().getResponseBody();
	}

	private static int status(RestTestClient.RequestHeadersSpec<?> request) {
		return request.exchange().returnResult(String.class).getStatus().value();
	}

	/** The session cookie and CSRF token of a sign-in. */
	private record Session(String cookie, String csrf) {
	}

	private static Session signIn(ConfigurableApplicationContext node, String login, String password) {
		EntityExchangeResult<Map<String, Object>> result = RestTestClient.bindToServer().baseUrl(base(node)).build()
			.post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", login, "password", password))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult();
		String cookie = result.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(header -> header.startsWith("GATEHOUSE_SESSION="))
			.map(header -> header.substring("GATEHOUSE_SESSION=".length(), header.indexOf(';')))
			.reduce((earlier, later) -> later)
			.orElseThrow();
		return new Session(cookie, (String) result.getResponseBody().get("csrfToken"));
	}

	private static String token(ConfigurableApplicationContext node, Session session) {
		return (String) createToken(node, session).get("token");
	}

	private static Map<String, Object> createToken(ConfigurableApplicationContext node, Session session) {
		return RestTestClient.bindToServer().baseUrl(base(node)).build().post().uri("/api/v1/me/tokens")
			.header(HttpHeaders.COOKIE, "GATEHOUSE_SESSION=" + session.cookie())
			.header("X-XSRF-TOKEN", session.csrf())
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "nodes"))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
	}

	private static RestTestClient client(ConfigurableApplicationContext node, String token) {
		return RestTestClient.bindToServer().baseUrl(base(node))
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
	}

	private static String base(ConfigurableApplicationContext node) {
		return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
	}
}
