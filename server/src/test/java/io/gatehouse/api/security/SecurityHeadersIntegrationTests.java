package io.gatehouse.api.security;

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
