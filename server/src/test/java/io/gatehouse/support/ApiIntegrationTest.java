package io.gatehouse.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests that go through HTTP to a running server on H2 or PostgreSQL (see {@link TestDatabase}).
 * Every test class shares one server and one database, so tests make their own users with unique names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.bootstrap.admin-username=" + ApiIntegrationTest.ADMIN,
				"gatehouse.bootstrap.admin-password=" + ApiIntegrationTest.ADMIN_PASSWORD,
				"gatehouse.mail.host=127.0.0.1",
				// GreenMail logs every mailbox it creates
				"logging.level.com.icegreen=WARN",
				// several test contexts stay cached at once, each with its pool: keep them within PostgreSQL's
				// 100 connections, with room for another checkout testing on the same server
				"spring.datasource.hikari.maximum-pool-size=8", "spring.datasource.hikari.minimum-idle=1",
				// the test client is a trusted proxy, so a test can speak for any client address with X-Forwarded-For
				"gatehouse.network.trusted-proxies=127.0.0.1,::1",
				// the retention jobs run when a test calls them, never behind its back
				"gatehouse.retention.check-every=PT1000H" })
@ExtendWith(TestDatabase.class)
public abstract class ApiIntegrationTest {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "Gatekeeper#2026x";

	/** A password that passes the default policy for any generated test user. */
	public static final String PASSWORD = "Correct-Horse-7";

	public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static String adminToken;

	private static String testUsersGroup;

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestDatabase.url("gatehouse_test"));
		registry.add("spring.datasource.username", TestDatabase::user);
		registry.add("spring.datasource.password", () -> "");
		// every mail goes to the test SMTP server (its host is among the properties above, so that a test class of an
		// instance without a mail server can override it with a dynamic property); short waits so the outbox's polls
		// and retries fit in a test
		registry.add("gatehouse.mail.port", TestMailServer::port);
		registry.add("gatehouse.mail.tls", () -> "none");
		registry.add("gatehouse.mail.poll-interval", () -> "PT0.3S");
		registry.add("gatehouse.mail.retry-backoff", () -> "PT0.5S");
		registry.add("gatehouse.mail.max-attempts", () -> "8");
	}

	/**
	 * For a test class that needs a database of its own (it changes what others rely on, such as the administrator's
	 * tokens): call from its own {@code @DynamicPropertySource} method. It sets the pool's JDBC URL, which Spring
	 * Boot binds after {@code spring.datasource.url}, so it wins whatever order the two methods run in.
	 */
	protected static void ownDatabase(DynamicPropertyRegistry registry, String name) {
		registry.add("spring.datasource.hikari.jdbc-url", () -> TestDatabase.url(name));
	}

	protected RestTestClient anonymous() {
		return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	protected RestTestClient withToken(String token) {
		return RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
	}

	/** A client that speaks for {@code address}: the test client is a trusted proxy and says so in X-Forwarded-For. */
	protected RestTestClient anonymousFrom(String address) {
		return RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.defaultHeader("X-Forwarded-For", address)
			.build();
	}

	protected RestTestClient withTokenFrom(String token, String address) {
		return RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.defaultHeader("X-Forwarded-For", address)
			.build();
	}

	/** An address of the IPv6 documentation range no other test uses, so brute-force counts never mix. */
	protected static String uniqueAddress() {
		String hex = UUID.randomUUID().toString().replace("-", "");
		return "2001:db8:" + hex.substring(0, 4) + ":" + hex.substring(4, 8) + "::" + hex.substring(8, 12);
	}

	protected RestTestClient admin() {
		return withToken(adminToken());
	}

	protected synchronized String adminToken() {
		if (adminToken == null) {
			adminToken = signIn(ADMIN, ADMIN_PASSWORD).createToken("tests");
		}
		return adminToken;
	}

	protected static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Creates an active user with {@link #PASSWORD} through the API and returns its JSON. */
	protected Map<String, Object> createUser(String username) {
		return createUser(Map.of("username", username, "email", username + "@example.com", "password", PASSWORD));
	}

	/**
	 * Creates a user through the API. A new user needs a role or a group by default, so one without either joins
	 * {@link #testUsersGroup()}, which grants nothing: the user still holds no role.
	 */
	protected Map<String, Object> createUser(Map<String, Object> body) {
		Map<String, Object> request = new HashMap<>(body);
		if (!request.containsKey("groups") && !request.containsKey("bindings")) {
			request.put("groups", List.of(testUsersGroup()));
		}
		return admin().post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	/** A group with no bindings and no permission profile: membership alone grants nothing. */
	protected synchronized String testUsersGroup() {
		if (testUsersGroup == null) {
			testUsersGroup = jdbc.sql("SELECT id FROM access_group WHERE name = 'Test users'")
				.query(String.class)
				.optional()
				.orElseGet(() -> (String) admin().post()
					.uri("/api/v1/groups")
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("name", "Test users", "description", "Users made by tests, with no access"))
					.exchange()
					.expectStatus()
					.isCreated()
					.expectBody(JSON)
					.returnResult()
					.getResponseBody()
					.get("id"));
		}
		return testUsersGroup;
	}

	protected String createResource(RestTestClient client, String type, String name, String parent) {
		return (String) createResourceCall(client, type, name, parent).expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("id");
	}

	protected RestTestClient.ResponseSpec createResourceCall(RestTestClient client, String type, String name,
			String parent) {
		Map<String, Object> body = new HashMap<>(Map.of("type", type, "name", name));
		if (parent != null) {
			body.put("parentId", parent);
		}
		return client.post().uri("/api/v1/resources").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	/** Binds the role to the user at the resource. */
	protected RestTestClient.ResponseSpec bind(RestTestClient client, String resource, Map<String, Object> user,
			UUID role) {
		return client.post().uri("/api/v1/resources/{id}/bindings", resource).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("principalType", "user", "principalId", user.get("id"), "roleId", role.toString()))
			.exchange();
	}

	/** {@code POST /authz/check} for the user, as the client. */
	protected Map<String, Object> check(RestTestClient client, Map<String, Object> user, String permission,
			String resource) {
		return client.post().uri("/api/v1/authz/check").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("user", user.get("id"), "permission", permission, "resource", resource))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
	}

	protected SignedIn signIn(String login, String password) {
		return signIn(login, password, null);
	}

	/** Signs in from {@code address} (null: the test client's own); the session's clients then use it too. */
	protected SignedIn signIn(String login, String password, String address) {
		return signIn(login, password, address, "Gatehouse-Tests");
	}

	protected SignedIn signIn(String login, String password, String address, String userAgent) {
		EntityExchangeResult<Map<String, Object>> result = (address == null ? anonymous() : anonymousFrom(address)).post()
			.uri("/api/v1/session")
			.header(HttpHeaders.USER_AGENT, userAgent)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", login, "password", password))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult();
		List<String> cookies = result.getResponseHeaders().get(HttpHeaders.SET_COOKIE);
		String session = cookie(cookies, "GATEHOUSE_SESSION");
		String csrf = cookie(cookies, "XSRF-TOKEN");
		assertThat(session).isNotBlank();
		assertThat(result.getResponseBody().get("csrfToken")).isEqualTo(csrf);
		return new SignedIn(session, csrf, result.getResponseBody(), cookies, address);
	}

	/** The value a browser keeps: the last Set-Cookie of that name wins. */
	private static String cookie(List<String> setCookies, String name) {
		return setCookies.stream()
			.filter(header -> header.startsWith(name + "="))
			.map(header -> header.substring(name.length() + 1, header.indexOf(';') < 0 ? header.length() : header.indexOf(';')))
			.reduce((first, second) -> second)
			.orElse(null);
	}

	/** A signed-in browser: the session cookie, and the CSRF token it must echo on writes. */
	protected final class SignedIn {

		public final String session;

		public final String csrf;

		public final Map<String, Object> body;

		public final List<String> setCookies;

		public final String address;

		SignedIn(String session, String csrf, Map<String, Object> body, List<String> setCookies, String address) {
			this.session = session;
			this.csrf = csrf;
			this.body = body;
			this.setCookies = setCookies;
			this.address = address;
		}

		/** Sends the cookies and the CSRF header, as a browser page of Gatehouse would, from the sign-in's address. */
		public RestTestClient client() {
			return clientFrom(address);
		}

		/** The same browser seen at another address (null: the test client's own). */
		public RestTestClient clientFrom(String from) {
			RestTestClient.Builder<?> builder = RestTestClient.bindToServer()
				.baseUrl("http://localhost:" + port)
				.defaultHeader(HttpHeaders.COOKIE, "GATEHOUSE_SESSION=" + session + "; XSRF-TOKEN=" + csrf)
				.defaultHeader("X-XSRF-TOKEN", csrf);
			if (from != null) {
				builder.defaultHeader("X-Forwarded-For", from);
			}
			return builder.build();
		}

		/** Sends the session cookie only: what a forged cross-site request carries. */
		public RestTestClient cookieOnly() {
			return RestTestClient.bindToServer()
				.baseUrl("http://localhost:" + port)
				.defaultHeader(HttpHeaders.COOKIE, "GATEHOUSE_SESSION=" + session)
				.build();
		}

		public String createToken(String name) {
			Map<String, Object> token = client().post()
				.uri("/api/v1/me/tokens")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("name", name))
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.CREATED)
				.expectBody(JSON)
				.returnResult()
				.getResponseBody();
			return (String) token.get("token");
		}
	}

}
