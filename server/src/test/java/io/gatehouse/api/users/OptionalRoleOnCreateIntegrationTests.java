package io.gatehouse.api.users;

import java.util.Collections;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * With the setting off, a user can be created with no role and no group, and then holds nothing. The setting is a
 * runtime one, so the shared server is switched for this test and back, rather than a second server started.
 */
class OptionalRoleOnCreateIntegrationTests extends ApiIntegrationTest {

	@BeforeEach
	void roleOptional() {
		requireRole(false);
	}

	@AfterEach
	void backToTheDefault() {
		requireRole(null);
	}

	private void requireRole(Boolean required) {
		Map<String, Object> change = Collections.singletonMap("requireRoleOnCreate", required);
		admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON).body(change).exchange()
			.expectStatus().isOk();
	}

	@Test
	void createsAUserWithoutRoles() {
		admin().post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", unique("free") + "@example.com"))
			.exchange()
			.expectStatus().isCreated()
			.expectBody().jsonPath("$.roles.length()").isEqualTo(0);
	}
}
