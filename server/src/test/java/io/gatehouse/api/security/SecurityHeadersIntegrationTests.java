package io.gatehouse.api.security;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers and cookie flags a browser relies on, on plain HTTP and behind a TLS-terminating trusted proxy. */
class SecurityHeadersIntegrationTests extends ApiIntegrationTest {

	@Test
	void everyResponseCarriesTheSecurityHeadersButHstsOnlyOverTls() {
		admin().get().uri("/api/v1/me").exchange()
			.expectStatus().isOk()
			.expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
				.contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
				.doesNotContain("unsafe-eval"))
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().valueEquals("X-Frame-Options", "DENY")
			.expectHeader().valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader().doesNotExist("Strict-Transport-Security");
		// refusals too
		anonymous().get().uri("/api/v1/me").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().exists("Content-Security-Policy");

		withTokenFrom(adminToken(), "203.0.113.1").get().uri("/api/v1/me")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
	}

	/**
	 * What the firewall (a {@code ;}, an encoded dot segment, an encoded line break) and the servlet container (a bad
	 * percent-escape) refuse before any door reads the request gets the same headers and a problem detail too.
	 */
	@Test
	void refusalsBeforeAnyDoorCarryTheHeadersAndAProblemDetail() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String path : List.of("/api/v1/users;x=1", "/api/v1/%2e%2e/users", "/api/v1/users/a%0Ab",
				"/console/users;jsessionid=1", "/api/v1/users/a%2Fb")) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + adminToken()).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(path).isEqualTo(400);
			assertRefusal(path, answer.headers().map(), answer.body());
		}
		try (Socket socket = new Socket("localhost", port)) {
			socket.getOutputStream().write(("GET /api/v1/users/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 400");
			Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (String line : answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					headers.put(line.substring(0, colon).strip(), List.of(line.substring(colon + 1).strip()));
				}
			}
			assertRefusal("%ZZ", headers, answer);
		}
	}

	private static void assertRefusal(String what, Map<String, List<String>> headers, String body) {
		Map<String, List<String>> named = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		named.putAll(headers);
		assertThat(named.get("Content-Type")).as(what).anySatisfy(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(named.get("Content-Security-Policy")).as(what).anySatisfy(csp -> assertThat(csp).contains("default-src 'self'"));
		assertThat(named.get("X-Content-Type-Options")).as(what).containsExactly("nosniff");
		assertThat(named.get("X-Frame-Options")).as(what).containsExactly("DENY");
		assertThat(named.get("Referrer-Policy")).as(what).containsExactly("no-referrer");
		assertThat(body).as(what).contains("urn:gatehouse:problem:").doesNotContain("Tomcat").doesNotContain("<html");
	}

	@Test
	void cookiesAreHttpOnlySameSiteAndSecureOverTls() {
		String name = unique("cookie");
		createUser(name);
		List<String> plain = signInCookies(name, null);
		assertThat(cookie(plain, "GATEHOUSE_SESSION")).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
		assertThat(cookie(plain, "XSRF-TOKEN")).contains("SameSite=Lax").doesNotContain("HttpOnly");

		List<String> tls = signInCookies(name, "https");
		assertThat(cookie(tls, "GATEHOUSE_SESSION")).contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
		assertThat(cookie(tls, "XSRF-TOKEN")).contains("Secure").contains("SameSite=Lax");
	}

	@Test
	void secretsAreNeverCached() {
		String name = unique("nostore");
		createUser(name);
		anonymousFrom(uniqueAddress()).post().uri("/api/v1/session")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", name, "password", PASSWORD))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
	}

	private List<String> signInCookies(String name, String forwardedProto) {
		var request = anonymousFrom(uniqueAddress()).post().uri("/api/v1/session");
		if (forwardedProto != null) {
			request = request.header("X-Forwarded-Proto", forwardedProto);
		}
		return request.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", name, "password", PASSWORD))
			.exchange()
			.expectStatus().isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.get(HttpHeaders.SET_COOKIE);
	}

	private static String cookie(List<String> cookies, String name) {
		return cookies.stream().filter(c -> c.startsWith(name + "=")).reduce((a, b) -> b).orElseThrow();
	}
}
