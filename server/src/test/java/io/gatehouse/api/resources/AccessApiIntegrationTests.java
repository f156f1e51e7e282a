package io.gatehouse.api.resources;

import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The access model through the API: a workspace Admin manages that workspace and nothing outside it. */
class AccessApiIntegrationTests extends ApiIntegrationTest {

	private String workspaceA;

	private String workspaceB;

	private String projectA;

	private Map<String, Object> alice;

	private Map<String, Object> bob;

	private RestTestClient asAlice;

	private RestTestClient asBob;

	@BeforeEach
	void workspacesWithAnAdmin() {
		workspaceA = createResource(admin(), "workspace", unique("A-"), null);
		workspaceB = createResource(admin(), "workspace", unique("B-"), null);
		projectA = createResource(admin(), "project", unique("pA-"), workspaceA);
		String aliceName = unique("alice");
		String bobName = unique("bob");
		alice = createUser(aliceName);
		bob = createUser(bobName);
		bind(admin(), workspaceA, alice, BuiltInRoles.ADMIN).expectStatus().isCreated();
		asAlice = withToken(signIn(aliceName, PASSWORD).createToken("t"));
		asBob = withToken(signIn(bobName, PASSWORD).createToken("t"));
	}

	@Test
	void aWorkspaceAdminManagesTheirWorkspaceAndNothingOutsideIt() {
		String project = createResource(asAlice, "project", "made-by-alice", workspaceA);
		asAlice.get().uri("/api/v1/resources/{id}", project).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.ownerId").isEqualTo(alice.get("id"));
		asAlice.get().uri("/api/v1/resources/{id}", workspaceB).exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:resource-not-found");
		createResourceCall(asAlice, "project", "sneaky", workspaceB).expectStatus().isForbidden();
		asAlice.get().uri("/api/v1/users").exchange().expectStatus().isForbidden();

		bind(asAlice, projectA, bob, BuiltInRoles.EDITOR).expectStatus().isCreated();
		bind(asAlice, workspaceB, bob, BuiltInRoles.VIEWER).expectStatus().isNotFound();
		bind(asAlice, "00000000-0000-0000-0000-000000000001", bob, BuiltInRoles.VIEWER).expectStatus().isNotFound();
		bind(asAlice, workspaceA, bob, BuiltInRoles.SYSTEM_ADMINISTRATOR).expectStatus().isBadRequest();
	}

	@Test
	void nobodyGrantsWhatTheyDoNotHold() {
		bind(admin(), workspaceA, bob, BuiltInRoles.EDITOR).expectStatus().isCreated();
		String env = createResource(admin(), "environment", "prod", projectA);
		// Editor grants no administrative area, so Bob cannot manage bindings with it
		bind(asBob, env, alice, BuiltInRoles.VIEWER).expectStatus().isForbidden();
		bind(asAlice, env, bob, BuiltInRoles.ADMIN).expectStatus().isCreated();
		assertThat(check(asBob, bob, "roles:update", env).get("allowed")).isEqualTo(true);
		// Admin at the environment cannot make anyone Admin of the project above it
		bind(asBob, projectA, alice, BuiltInRoles.VIEWER).expectStatus().isForbidden();
	}

	@Test
	void deeperBindingsOverrideAndNoAccessHides() {
		bind(admin(), workspaceA, bob, BuiltInRoles.VIEWER).expectStatus().isCreated();
		String env = createResource(admin(), "environment", "staging", projectA);
		Map<String, Object> read = check(asBob, bob, "projects:read", env);
		assertThat(read.get("allowed")).isEqualTo(true);
		assertThat(read.get("decidedAt")).isEqualTo(workspaceA);
		assertThat(check(asBob, bob, "projects:update", env).get("allowed")).isEqualTo(false);

		bind(admin(), env, bob, BuiltInRoles.EDITOR).expectStatus().isCreated();
		Map<String, Object> update = check(asBob, bob, "projects:update", env);
		assertThat(update.get("allowed")).isEqualTo(true);
		assertThat(update.get("decidedAt")).isEqualTo(env);

		String hidden = createResource(admin(), "environment", "secret", projectA);
		bind(admin(), hidden, bob, BuiltInRoles.NO_ACCESS).expectStatus().isCreated();
		Map<String, Object> denied = asBob.post().uri("/api/v1/authz/check").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permission", "projects:read", "resource", hidden, "explain", true))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		assertThat(denied).containsEntry("allowed", false).containsEntry("reason", "denied-by-bindings")
			.containsEntry("decidedAt", hidden);
		assertThat(denied.get("path")).isEqualTo(List.of(hidden));
		assertThat((String) denied.get("explanation")).isNotBlank();
		asBob.get().uri("/api/v1/resources/{id}", hidden).exchange().expectStatus().isNotFound();
	}

	@Test
	void aDeactivatedUserIsDeniedAtOnce() {
		bind(admin(), workspaceA, bob, BuiltInRoles.EDITOR).expectStatus().isCreated();
		assertThat(check(admin(), bob, "projects:update", projectA).get("allowed")).isEqualTo(true);
		admin().post().uri("/api/v1/users/{id}/deactivate", bob.get("id")).exchange().expectStatus().isOk();
		Map<String, Object> after = check(admin(), bob, "projects:update", projectA);
		assertThat(after).containsEntry("allowed", false).containsEntry("reason", "inactive-user");
	}

	@Test
	void checkingSomeoneElseNeedsUsersRead() {
		asBob.post().uri("/api/v1/authz/check").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("user", alice.get("id"), "permission", "projects:read", "resource", projectA))
			.exchange().expectStatus().isForbidden();
		asBob.post().uri("/api/v1/authz/check").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permission", "Projects:Read!"))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("permission");
		Map<String, Object> batch = admin().post().uri("/api/v1/authz/check/batch").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("checks", List.of(
					Map.of("user", alice.get("id"), "permission", "projects:delete", "resource", projectA),
					Map.of("user", alice.get("id"), "permission", "projects:delete", "resource", workspaceB))))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> results = (List<Map<String, Object>>) batch.get("results");
		assertThat(results).extracting(r -> r.get("allowed")).containsExactly(true, false);
		assertThat(results.get(1).get("reason")).isEqualTo("no-binding");
	}

	@Test
	void refusesAMoveThatMakesACycleAndTransfersOwnership() {
		admin().patch().uri("/api/v1/resources/{id}", workspaceA).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("parentId", projectA))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].rule").isEqualTo("cycle");
		String project = createResource(asAlice, "project", "handed-over", workspaceA);
		asAlice.post().uri("/api/v1/resources/{id}/owner", project).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ownerId", bob.get("id")))
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.ownerId").isEqualTo(bob.get("id"));
		assertThat(check(asBob, bob, "projects:delete", project)).containsEntry("allowed", true);
		admin().delete().uri("/api/v1/resources/{id}", workspaceA).exchange()
			.expectStatus().isEqualTo(HttpStatus.CONFLICT)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:resource-has-children");
	}

	@Test
	void showsBuiltInRolesWithTheirPermissionsAndAUsersRolesAsWorkspaceRole() {
		admin().get().uri("/api/v1/roles/{id}", BuiltInRoles.VIEWER).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.builtIn").isEqualTo(true)
			.jsonPath("$.permissions").value((List<String> permissions) -> assertThat(permissions)
				.contains("projects:read").doesNotContain("projects:update", "users:read"));
		admin().get().uri("/api/v1/roles").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[?(@.builtIn == true)].name").value((List<String> names) -> assertThat(names)
				.contains("System Administrator", "Admin", "Editor", "Viewer", "No Access"));
		asBob.get().uri("/api/v1/permissions").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[?(@.name == 'projects')].actions[*]").value((List<String> actions) ->
				assertThat(actions).contains("create", "read", "update", "delete"));
		asAlice.get().uri("/api/v1/users/{id}/roles", alice.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[0].label").value((String label) -> assertThat(label).endsWith(": Admin"));
	}

	@Test
	void theUsersListShowsAndFiltersByRole() {
		admin().get().uri("/api/v1/users?role={role}&limit=200", BuiltInRoles.ADMIN).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.items[*].username").value((List<String> names) -> assertThat(names)
				.contains((String) alice.get("username")).doesNotContain((String) bob.get("username")))
			.jsonPath("$.items[?(@.username == '" + alice.get("username") + "')].roles[0]")
			.value((List<String> roles) -> assertThat(roles.get(0)).endsWith(": Admin"));
		admin().get().uri("/api/v1/users/{id}", alice.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.roles.length()").isEqualTo(1);
	}

	@Test
	void objectPoliciesReadWriteAndNoneAreBindings() {
		String env = createResource(admin(), "environment", "policy-env", projectA);
		policy(env, bob, "read").expectStatus().isCreated()
			.expectBody().jsonPath("$.roleId").isEqualTo(BuiltInRoles.VIEWER.toString());
		assertThat(check(admin(), bob, "environments:read", env)).containsEntry("allowed", true);
		assertThat(check(admin(), bob, "environments:update", env)).containsEntry("allowed", false);
		String other = createResource(admin(), "environment", "policy-write", projectA);
		policy(other, bob, "write").expectStatus().isCreated();
		assertThat(check(admin(), bob, "environments:update", other)).containsEntry("allowed", true);
		bind(admin(), projectA, bob, BuiltInRoles.EDITOR).expectStatus().isCreated();
		String hidden = createResource(admin(), "environment", "policy-none", projectA);
		policy(hidden, bob, "none").expectStatus().isCreated();
		assertThat(check(admin(), bob, "environments:read", hidden)).containsEntry("allowed", false);
		policy(hidden, alice, "admin").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("policy");
	}

	private RestTestClient.ResponseSpec policy(String resource, Map<String, Object> user, String policy) {
		return admin().post().uri("/api/v1/resources/{id}/bindings", resource).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("principalType", "user", "principalId", user.get("id"), "policy", policy))
			.exchange();
	}
}
