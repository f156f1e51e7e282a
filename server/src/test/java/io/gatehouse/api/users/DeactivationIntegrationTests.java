package io.gatehouse.api.users;

import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class DeactivationIntegrationTests extends ApiIntegrationTest {

	@Test
	void deactivationStopsALiveSessionAndALiveTokenAtOnceAndKeepsTheData() {
		String name = unique("deact");
		Map<String, Object> user = createUser(Map.of("username", name, "email", name + "@example.com",
				"password", PASSWORD, "department", "Kept"));
		SignedIn browser = signIn(name, PASSWORD);
		String token = browser.createToken("cli");
		browser.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
		withToken(token).get().uri("/api/v1/me").exchange().expectStatus().isOk();

		admin().post().uri("/api/v1/users/{id}/deactivate", user.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("deactivated")
			.jsonPath("$.active").isEqualTo(false)
			.jsonPath("$.department").isEqualTo("Kept");

		browser.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		withToken(token).get().uri("/api/v1/me").exchange()
			.expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:invalid-token");
		anonymous().post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", name, "password", PASSWORD)).exchange()
			.expectStatus().isUnauthorized();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM auth_session WHERE user_id = ?")
			.param(java.util.UUID.fromString((String) user.get("id"))).query(Long.class).single())
			.as("sessions are ended, not just refused").isZero();

		admin().post().uri("/api/v1/users/{id}/reactivate", user.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("active");
		signIn(name, PASSWORD);
		assertThat(jdbc.sql("SELECT action FROM audit_event WHERE target_id = ? ORDER BY occurred_at")
			.param(user.get("id").toString()).query(String.class).list())
			.contains("user.deactivated", "user.reactivated");
	}

	@Test
	void deactivationHonoursIfMatch() {
		Map<String, Object> user = createUser(unique("ifm"));
		admin().post().uri("/api/v1/users/{id}/deactivate", user.get("id"))
			.header("If-Match", "\"7\"")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);
		admin().post().uri("/api/v1/users/{id}/deactivate", user.get("id"))
			.header("If-Match", "\"1\"")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("ETag", "\"2\"");
	}

	@Test
	void anAdministratorCannotDeactivateThemselves() {
		Map<String, Object> me = admin().get().uri("/api/v1/me").exchange().expectBody(JSON).returnResult().getResponseBody();
		admin().post().uri("/api/v1/users/{id}/deactivate", me.get("id")).exchange()
			.expectStatus().isEqualTo(HttpStatus.CONFLICT)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:cannot-deactivate-self");
	}
}
