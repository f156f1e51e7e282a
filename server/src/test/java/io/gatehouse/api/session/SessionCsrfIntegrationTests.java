package io.gatehouse.api.session;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like client keeps every cookie the server sets and drops every one it clears, as a page would: the CSRF
 * token of the sign-in must carry it through a whole session, whatever the answers in between do to the cookies.
 */
class SessionCsrfIntegrationTests extends ApiIntegrationTest {

	private static final JsonMapper JSON_MAPPER = JsonMapper.shared();

	@Test
	void theSignInsTokenServesEveryWriteOfTheSession() throws Exception {
		String name = unique("csrfkeep");
		createUser(name);
		Browser browser = new Browser();
		String csrf = browser.signIn(name);

		assertThat(browser.send("GET", "/api/v1/me", null, csrf).statusCode()).isEqualTo(200);
		assertThat(browser.send("POST", "/api/v1/me/tokens", "{\"name\":\"one\"}", csrf).statusCode()).isEqualTo(201);
		assertThat(browser.send("POST", "/api/v1/me/tokens", "{\"name\":\"two\"}", csrf).statusCode()).isEqualTo(201);
		assertThat(browser.send("PATCH", "/api/v1/me", "{\"displayName\":\"Kept\"}", csrf).statusCode()).isEqualTo(200);
		// the readable copy for scripts is still there too
		assertThat(browser.cookie("XSRF-TOKEN")).isEqualTo(csrf);
		assertThat(browser.send("DELETE", "/api/v1/session", null, csrf).statusCode()).isEqualTo(204);
	}

	/**
	 * The token belongs to the session, not to whatever XSRF-TOKEN cookie comes along: a token of another session
	 * (say the attacker's own, planted as the cookie too) opens nothing with this session's cookie.
	 */
	@Test
	void aTokenOfAnotherSessionIsRefused() throws Exception {
		String name = unique("csrfother");
		createUser(name);
		Browser first = new Browser();
		first.signIn(name);
		Browser second = new Browser();
		String secondsToken = second.signIn(name);

		anonymous().post().uri("/api/v1/me/tokens")
			.header("Cookie", "GATEHOUSE_SESSION=" + first.cookie("GATEHOUSE_SESSION") + "; XSRF-TOKEN=" + secondsToken)
			.header("X-XSRF-TOKEN", secondsToken)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "x"))
			.exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("csrf-token-invalid");
		assertThat(first.send("POST", "/api/v1/me/tokens", "{\"name\":\"x\"}", secondsToken).statusCode())
			.isEqualTo(403);
		assertThat(second.send("POST", "/api/v1/me/tokens", "{\"name\":\"y\"}", secondsToken).statusCode())
			.isEqualTo(201);
	}

	@Test
	void theTokenEndsWithItsSession() throws Exception {
		String name = unique("csrfend");
		createUser(name);
		Browser browser = new Browser();
		String csrf = browser.signIn(name);
		String session = browser.cookie("GATEHOUSE_SESSION");
		assertThat(browser.send("DELETE", "/api/v1/session", null, csrf).statusCode()).isEqualTo(204);
		assertThat(browser.cookie("XSRF-TOKEN")).isNull();

		// the old cookie and its token, replayed: the session is gone, so they open nothing
		anonymous().post().uri("/api/v1/me/tokens")
			.header("Cookie", "GATEHOUSE_SESSION=" + session)
			.header("X-XSRF-TOKEN", csrf)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "late"))
			.exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void aWriteWithoutAnyCredentialIsUnauthenticated() {
		for (String path : new String[] { "/api/v1/me/tokens", "/api/v1/users", "/api/v1/groups" }) {
			anonymous().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "x"))
				.exchange()
				.expectStatus().isUnauthorized()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
		}
		anonymous().delete().uri("/api/v1/session").exchange().expectStatus().isUnauthorized();
	}

	/** A cookie-keeping client, as a browser is. */
	private final class Browser {

		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

		String signIn(String login) throws Exception {
			HttpResponse<String> response = send("POST", "/api/v1/session",
					JSON_MAPPER.writeValueAsString(Map.of("login", login, "password", PASSWORD)), null);
			assertThat(response.statusCode()).isEqualTo(200);
			return (String) JSON_MAPPER.readValue(response.body(), Map.class).get("csrfToken");
		}

		HttpResponse<String> send(String method, String path, String json, String csrf)
				throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(json));
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			if (csrf != null) {
				request.header("X-XSRF-TOKEN", csrf);
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		String cookie(String name) {
			return cookies.getCookieStore().getCookies().stream()
				.filter(cookie -> cookie.getName().equals(name))
				.map(java.net.HttpCookie::getValue)
				.findFirst()
				.orElse(null);
		}
	}
}
