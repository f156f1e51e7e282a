package io.gatehouse.api.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The check API answers only questions that have a true answer: a permission the catalog does not declare, or a user
 * who does not exist, is refused naming what is wrong, never answered "allowed".
 */
class AuthzCheckIntegrationTests extends ApiIntegrationTest {

	@Test
	void aPermissionOutsideTheCatalogIsRefusedNamingTheFieldNotAllowed() {
		RestTestClient viewer = viewer();
		check(viewer, Map.of("permission", "projects:read")).expectStatus().isOk()
			.expectBody().jsonPath("$.allowed").isEqualTo(true);

		check(viewer, Map.of("permission", "zz123:read")).expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("permission")
			.jsonPath("$.errors[0].rule").isEqualTo("unknown-area");
		check(viewer, Map.of("permission", "projects:frobnicate")).expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("permission")
			.jsonPath("$.errors[0].rule").isEqualTo("unknown-action");
		// not even a System Administrator holds what nobody declared
		check(admin(), Map.of("permission", "zz123:read")).expectStatus().isBadRequest();
	}

	@Test
	void anUnknownUserIsNotFoundRatherThanInactive() {
		check(admin(), Map.of("user", UUID.randomUUID().toString(), "permission", "projects:read"))
			.expectStatus().isNotFound()
			.expectBody()
			.jsonPath("$.code").isEqualTo("user-not-found")
			.jsonPath("$.errors[0].field").isEqualTo("user");
	}

	@Test
	void aBatchNamesTheEntryAtFault() {
		Map<String, Object> user = createUser(unique("batched"));
		batch(List.of(Map.of("user", user.get("id"), "permission", "projects:read"),
				Map.of("user", user.get("id"), "permission", "zz123:read")))
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("checks[1].permission")
			.jsonPath("$.errors[0].rule").isEqualTo("unknown-area");
		batch(List.of(Map.of("user", user.get("id"), "permission", "projects:read"),
				Map.of("user", UUID.randomUUID().toString(), "permission", "projects:read")))
			.expectStatus().isNotFound()
			.expectBody()
			.jsonPath("$.code").isEqualTo("user-not-found")
			.jsonPath("$.errors[0].field").isEqualTo("checks[1].user");
		batch(List.of(Map.of("user", user.get("id"), "permission", "projects:read"),
				Map.of("user", user.get("id"), "permission", "users:read")))
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.results[0].allowed").isEqualTo(false)
			.jsonPath("$.results[1].allowed").isEqualTo(false);
	}

	/** A user bound to Viewer on the instance, signed in with a token. */
	private RestTestClient viewer() {
		String name = unique("viewer");
		createUser(Map.of("username", name, "email", name + "@example.com", "password", PASSWORD, "bindings",
				List.of(Map.of("roleId", BuiltInRoles.VIEWER.toString()))));
		return withToken(signIn(name, PASSWORD).createToken("checks"));
	}

	private RestTestClient.ResponseSpec check(RestTestClient client, Map<String, Object> body) {
		return client.post().uri("/api/v1/authz/check").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private RestTestClient.ResponseSpec batch(List<Map<String, Object>> checks) {
		return admin().post().uri("/api/v1/authz/check/batch").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("checks", checks)).exchange();
	}
}
