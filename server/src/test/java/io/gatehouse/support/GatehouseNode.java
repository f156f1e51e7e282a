package io.gatehouse.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gatehouse.Gatehouse;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A whole Gatehouse node started in this JVM on a loopback port of its own, against a database several nodes may
 * share: for the tests of what happens between nodes and around a database outage.
 */
public final class GatehouseNode implements AutoCloseable {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "Gatekeeper#2026x";

	public static final String PASSWORD = "Correct-Horse-7";

	public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final ConfigurableApplicationContext context;

	private GatehouseNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** A node on {@code url}, with the test defaults and then {@code overrides}. */
	public static GatehouseNode start(String url, Map<String, String> overrides) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", TestDatabase.user());
		properties.put("spring.datasource.password", "");
		properties.put("spring.datasource.hikari.maximum-pool-size", "4");
		properties.put("spring.datasource.hikari.minimum-idle", "1");
		properties.put("gatehouse.bootstrap.admin-username", ADMIN);
		properties.put("gatehouse.bootstrap.admin-password", ADMIN_PASSWORD);
		// the test client is a trusted proxy, so it can speak for any client address
		properties.put("gatehouse.network.trusted-proxies", "127.0.0.1,::1");
		properties.put("gatehouse.users.require-role-on-create", "false");
		properties.putAll(overrides);
		SpringApplication application = new SpringApplicationBuilder(Gatehouse.class).build();
		// Logging is one per JVM, set up by the test context already: a node leaves it as it is. Nodes started at
		// once would each reset it at the same moment, and one would find the others' half-made configuration.
		application.setListeners(application.getListeners().stream()
			.filter(listener -> !(listener instanceof LoggingApplicationListener))
			.toList());
		// as arguments: default properties would lose to application.yml
		return new GatehouseNode(application.run(properties.entrySet().stream()
			.map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new)));
	}

	public ConfigurableApplicationContext context() {
		return context;
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public String base() {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	public RestTestClient anonymous() {
		return RestTestClient.bindToServer().baseUrl(base()).build();
	}

	public RestTestClient withToken(String token) {
		return RestTestClient.bindToServer().baseUrl(base())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
	}

	/** The session cookie and CSRF token of a sign-in. */
	public record Session(String cookie, String csrf) {
	}

	public Session signIn(String login, String password) {
		EntityExchangeResult<Map<String, Object>> result = anonymous().post().uri("/api/v1/session")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("login", login, "password", password))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult();
		return session(result);
	}

	public static Session session(EntityExchangeResult<?> result) {
		List<String> cookies = result.getResponseHeaders().get(HttpHeaders.SET_COOKIE);
		String cookie = cookies.stream()
			.filter(header -> header.startsWith("GATEHOUSE_SESSION="))
			.map(header -> header.substring("GATEHOUSE_SESSION=".length(), header.indexOf(';')))
			.reduce((earlier, later) -> later)
			.orElseThrow();
		Object csrf = result.getResponseBody() instanceof Map<?, ?> body ? body.get("csrfToken") : null;
		return new Session(cookie, (String) csrf);
	}

	/** A personal access token of the signed-in user. */
	public String token(Session session) {
		return (String) anonymous().post().uri("/api/v1/me/tokens")
			.header(HttpHeaders.COOKIE, "GATEHOUSE_SESSION=" + session.cookie())
			.header("X-XSRF-TOKEN", session.csrf())
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "node test"))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("token");
	}

	public Map<String, Object> post(String token, String path, Map<String, Object> body) {
		return withToken(token).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
			.expectStatus().is2xxSuccessful().expectBody(JSON).returnResult().getResponseBody();
	}

	public static int status(RestTestClient.RequestHeadersSpec<?> request) {
		return request.exchange().returnResult(String.class).getStatus().value();
	}

	public boolean isRunning() {
		return context.isActive();
	}

	@Override
	public void close() {
		context.close();
	}
}
