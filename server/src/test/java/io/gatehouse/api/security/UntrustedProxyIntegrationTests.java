package io.gatehouse.api.security;

import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With no trusted proxy configured (the default), a forwarded header is the client's word and counts for nothing. */
class UntrustedProxyIntegrationTests extends ApiIntegrationTest {

	@DynamicPropertySource
	static void noTrustedProxy(DynamicPropertyRegistry registry) {
		registry.add("gatehouse.network.trusted-proxies", () -> "");
	}

	@Test
	void aSpoofedForwardedForIsIgnored() {
		Map<String, Object> user = createUser(unique("spoof"));
		String token = signIn((String) user.get("username"), PASSWORD).createToken("t");
		admin().put().uri("/api/v1/users/{id}/ip-allowlist", user.get("id"))
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("rules", List.of("203.0.113.7")))
			.exchange().expectStatus().isOk();
		withTokenFrom(token, "203.0.113.7").get().uri("/api/v1/me").exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("address-not-allowed");

		admin().put().uri("/api/v1/users/{id}/ip-allowlist", user.get("id"))
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("rules", List.of("127.0.0.1", "::1")))
			.exchange().expectStatus().isOk();
		withTokenFrom(token, "203.0.113.7").get().uri("/api/v1/me").exchange().expectStatus().isOk();
	}

	@Test
	void aSpoofedForwardedProtoDoesNotMakeTheRequestSecure() {
		anonymousFrom("203.0.113.7").get().uri("/api/v1/me")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectHeader().doesNotExist("Strict-Transport-Security");
	}
}
