package io.gatehouse.api.users;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reseller account made in one request: {@code restrictionResourceId} on {@code POST /api/v1/users} confines the new
 * user as {@code PUT /api/v1/users/{id}/restriction} would, under the same rules, and a refused restriction leaves no
 * user behind.
 */
class RestrictionOnCreateIntegrationTests extends ApiIntegrationTest {

	private static final String INSTANCE = "00000000-0000-0000-0000-000000000001";

	@Test
	void aUserIsMadeConfinedToAWorkspace() {
		String workspace = createResource(admin(), "workspace", unique("Resold "), null);
		String elsewhere = createResource(admin(), "workspace", unique("Other "), null);
		Map<String, Object> user = post(admin(), Map.of("email", unique("reseller") + "@example.com", "bindings",
				List.of(Map.of("roleId", BuiltInRoles.EDITOR.toString())), "restrictionResourceId", workspace))
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();

		admin().get().uri("/api/v1/users/{id}/restriction", user.get("id")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.resourceId").isEqualTo(workspace);
		// Editor on the instance, yet nothing outside the workspace
		assertThat(check(admin(), user, "projects:update", workspace)).containsEntry("allowed", true);
		assertThat(check(admin(), user, "projects:read", elsewhere)).containsEntry("allowed", false);
	}

	@Test
	void anUnknownResourceIsRefusedWithTheOtherFieldsAndNoUserIsMade() {
		String email = unique("nowhere") + "@example.com";
		post(admin(), Map.of("email", email, "firstName", "x".repeat(300), "bindings",
				List.of(Map.of("roleId", BuiltInRoles.VIEWER.toString())), "restrictionResourceId",
				UUID.randomUUID().toString()))
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'firstName')]").exists()
			.jsonPath("$.errors[?(@.field == 'restrictionResourceId')].rule").isEqualTo(List.of("exists"))
			.jsonPath("$.errors[?(@.field == 'restrictionResourceId')].message")
			.isEqualTo(List.of("is not a known resource"));
		assertThat(usersWithEmail(email)).isZero();
	}

	/**
	 * Someone who may create and change users and holds one workspace: they may confine a new user to it, not to a
	 * workspace they cannot see (named unknown, as one that does not exist), nor without the right to restrict users.
	 */
	@Test
	void theCreatorNeedsTheRightToRestrictAndMustSeeTheResource() {
		String own = createResource(admin(), "workspace", unique("Own "), null);
		String hidden = createResource(admin(), "workspace", unique("Hidden "), null);
		RestTestClient creator = creatorWith(own, "users:create", "users:update");

		Map<String, Object> made = post(creator, Map.of("email", unique("sub") + "@example.com", "bindings",
				List.of(Map.of("roleId", BuiltInRoles.EDITOR.toString(), "resourceId", own)), "restrictionResourceId",
				own))
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
		admin().get().uri("/api/v1/users/{id}/restriction", made.get("id")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.resourceId").isEqualTo(own);

		String email = unique("hidden") + "@example.com";
		post(creator, Map.of("email", email, "bindings",
				List.of(Map.of("roleId", BuiltInRoles.EDITOR.toString(), "resourceId", own)), "restrictionResourceId",
				hidden))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("restrictionResourceId")
			.jsonPath("$.errors[0].message").isEqualTo("is not a known resource");
		assertThat(usersWithEmail(email)).isZero();
		// the same answer as restricting afterwards
		creator.put().uri("/api/v1/users/{id}/restriction", made.get("id")).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("resourceId", hidden)).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("resourceId")
			.jsonPath("$.errors[0].message").isEqualTo("is not a known resource");

		RestTestClient createOnly = creatorWith(own, "users:create");
		String refused = unique("norestrict") + "@example.com";
		post(createOnly, Map.of("email", refused, "bindings",
				List.of(Map.of("roleId", BuiltInRoles.EDITOR.toString(), "resourceId", own)), "restrictionResourceId",
				own))
			.expectStatus().isForbidden();
		assertThat(usersWithEmail(refused)).isZero();
	}

	/** A user holding Admin on one workspace and a custom role of the given permissions on the instance. */
	private RestTestClient creatorWith(String workspace, String... permissions) {
		String name = unique("creator");
		Map<String, Object> creator = createUser(name);
		bind(admin(), workspace, creator, BuiltInRoles.ADMIN).expectStatus().isCreated();
		String role = admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Creator "), "permissions", List.of(permissions)))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id")
			.toString();
		bind(admin(), INSTANCE, creator, UUID.fromString(role)).expectStatus().isCreated();
		return withToken(signIn(name, PASSWORD).createToken("t"));
	}

	private static RestTestClient.ResponseSpec post(RestTestClient client, Map<String, Object> body) {
		return client.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private long usersWithEmail(String email) {
		return jdbc.sql("SELECT COUNT(*) FROM users_account WHERE email_normalized = ?").param(email.toLowerCase())
			.query(Long.class).single();
	}
}
