package io.gatehouse.api.roles;

import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Custom roles, and built-in roles that cannot change. */
class RoleApiIntegrationTests extends ApiIntegrationTest {

	@Test
	void builtInRolesAreImmutable() {
		admin().put().uri("/api/v1/roles/{id}", BuiltInRoles.VIEWER).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Viewer", "permissions", List.of("*:*")))
			.exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:role-immutable");
		admin().delete().uri("/api/v1/roles/{id}", BuiltInRoles.ADMIN).exchange()
			.expectStatus().isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void aWorkspaceRoleGrantsItsPatternsAndIsUsableOnlyInsideItsWorkspace() {
		String workspace = resource("workspace", unique("ws-"), null);
		String project = resource("project", unique("p-"), workspace);
		String elsewhere = resource("workspace", unique("other-"), null);
		Map<String, Object> role = admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Deployer", "permissions", List.of("projects:*", "environments:read"),
					"definedAt", workspace))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
		@SuppressWarnings("unchecked")
		List<String> permissions = (List<String>) role.get("permissions");
		assertThat(permissions).contains("projects:update", "environments:read")
			.doesNotContain("environments:update");
		Map<String, Object> user = createUser(unique("dep"));
		bind(project, user, role.get("id")).expectStatus().isCreated();
		assertThat(allowed(user, "projects:delete", project)).isTrue();
		assertThat(allowed(user, "environments:update", project)).isFalse();
		bind(elsewhere, user, role.get("id")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].rule").isEqualTo("scope");
		admin().delete().uri("/api/v1/roles/{id}", role.get("id")).exchange()
			.expectStatus().isEqualTo(HttpStatus.CONFLICT)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:role-still-bound");
	}

	@Test
	void refusesUnknownPermissionsByIndex() {
		admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("bad"), "permissions", List.of("projects:read", "billing:refund", "nonsense")))
			.exchange().expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("permissions[1]")
			.jsonPath("$.errors[0].rule").isEqualTo("unknown-area")
			.jsonPath("$.errors[1].field").isEqualTo("permissions[2]");
	}

	@Test
	void aWorkspaceAdminDefinesRolesInTheirWorkspaceButNotForTheInstance() {
		String workspace = resource("workspace", unique("ws-"), null);
		String name = unique("wsa");
		Map<String, Object> user = createUser(name);
		bind(workspace, user, BuiltInRoles.ADMIN.toString()).expectStatus().isCreated();
		RestTestClient asAdmin = withToken(signIn(name, PASSWORD).createToken("t"));
		asAdmin.post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Local", "permissions", List.of("projects:read"), "definedAt", workspace))
			.exchange().expectStatus().isCreated();
		asAdmin.post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Global"), "permissions", List.of("projects:read")))
			.exchange().expectStatus().isForbidden();
	}

	private RestTestClient.ResponseSpec bind(String resource, Map<String, Object> user, Object role) {
		return admin().post().uri("/api/v1/resources/{id}/bindings", resource).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("principalType", "user", "principalId", user.get("id"), "roleId", role.toString()))
			.exchange();
	}

	private String resource(String type, String name, String parent) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("type", type, "name", name));
		if (parent != null) {
			body.put("parentId", parent);
		}
		return (String) admin().post().uri("/api/v1/resources").contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
	}

	private boolean allowed(Map<String, Object> user, String permission, String resource) {
		return (Boolean) admin().post().uri("/api/v1/authz/check").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("user", user.get("id"), "permission", permission, "resource", resource))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("allowed");
	}
}
