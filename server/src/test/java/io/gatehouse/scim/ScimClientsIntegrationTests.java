package io.gatehouse.scim;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** SCIM clients: registered by an administrator, usable only at /scim/v2, with only what SCIM needs, revocable. */
class ScimClientsIntegrationTests extends ScimTestSupport {

	@Test
	void aClientIsListedWithItsLastUseAndStopsWhenRevoked() {
		String name = unique("entra-");
		Map<String, Object> registered = admin().post().uri("/api/v1/scim-clients").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name)).exchange().expectStatus().isCreated()
			.expectHeader().valueEquals("Cache-Control", "no-store")
			.expectBody(JSON).returnResult().getResponseBody();
		String token = (String) registered.get("token");
		String id = (String) ((Map<?, ?>) registered.get("client")).get("id");
		assertThat(client(id)).containsEntry("name", name).containsEntry("lastUsedAt", null).doesNotContainKey("token");

		get(withToken(token), "/scim/v2/Users?count=1");
		assertThat(client(id).get("lastUsedAt")).isNotNull();

		admin().delete().uri("/api/v1/scim-clients/{id}", id).exchange().expectStatus().isNoContent();
		assertScimError(send(withToken(token), "GET", "/scim/v2/Users", null, 401), "401", null);
		assertThat(client(id)).isNull();
		admin().delete().uri("/api/v1/scim-clients/{id}", id).exchange().expectStatus().isNotFound();
	}

	@Test
	void aClientTokenWorksOnlyAtScimAndNoOtherTokenWorksThere() {
		String token = registerClient(unique("okta-"));
		withToken(token).get().uri("/api/v1/users").exchange().expectStatus().isUnauthorized();
		assertScimError(send(withToken(adminToken()), "GET", "/scim/v2/Users", null, 401), "401", null);
		assertScimError(send(anonymous(), "GET", "/scim/v2/Users", null, 401), "401", null);
		assertScimError(send(withToken("gh_not-a-token"), "GET", "/scim/v2/ServiceProviderConfig", null, 401), "401", null);
	}

	@Test
	void aClientCannotTouchASystemAdministratorNorGrantRoles() {
		RestTestClient okta = scim();
		String adminId = (String) resources(get(okta, "/scim/v2/Users?filter=userName eq \"" + ADMIN + "\"")).get(0).get("id");
		Map<String, Object> refused = send(okta, "PATCH", "/scim/v2/Users/" + adminId,
				patch("[{\"op\":\"replace\",\"value\":{\"active\":false}}]"), 403);
		assertScimError(refused, "403", null);
		assertThat(get(okta, "/scim/v2/Users/" + adminId)).containsEntry("active", true);
		assertScimError(send(okta, "POST", "/scim/v2/Users", oktaUser(email("roles")).replace("\"groups\":[]",
				"\"roles\":[{\"value\":\"System Administrator\"}]"), 400), "400", "mutability");
	}

	@Test
	void someoneWithoutSettingsAndUsersRightsRegistersNoClient() {
		Map<String, Object> plain = createUser(unique("plain"));
		String token = signIn((String) plain.get("username"), PASSWORD).createToken("t");
		withToken(token).post().uri("/api/v1/scim-clients").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "mine")).exchange().expectStatus().isForbidden();
		withToken(token).get().uri("/api/v1/scim-clients").exchange().expectStatus().isForbidden();
	}

	@Test
	void identityFieldsOfAScimUserAreReadOnlyInTheApi() {
		RestTestClient okta = scim();
		Map<String, Object> made = send(okta, "POST", "/scim/v2/Users", oktaUser(email("ro")), 201);
		admin().patch().uri("/api/v1/users/{id}", made.get("id")).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("firstName", "Changed")).exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("identity-managed-externally"));
		admin().get().uri("/api/v1/users/{id}", made.get("id")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.source").isEqualTo("scim");
	}

	private Map<String, Object> client(String id) {
		List<Map<String, Object>> clients = admin().get().uri("/api/v1/scim-clients").exchange().expectStatus().isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			}).returnResult().getResponseBody();
		return clients.stream().filter(c -> c.get("id").equals(id)).findFirst().orElse(null);
	}

	static UUID uuid(Object id) {
		return UUID.fromString((String) id);
	}
}
