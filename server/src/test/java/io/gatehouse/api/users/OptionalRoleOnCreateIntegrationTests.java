package io.gatehouse.api.users;

import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** With the setting off, a user can be created with no role and no group, and then holds nothing. */
@TestPropertySource(properties = "gatehouse.users.require-role-on-create=false")
class OptionalRoleOnCreateIntegrationTests extends ApiIntegrationTest {

	@Test
	void createsAUserWithoutRoles() {
		admin().post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", unique("free") + "@example.com"))
			.exchange()
			.expectStatus().isCreated()
			.expectBody().jsonPath("$.roles.length()").isEqualTo(0);
	}
}
