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

/** The host platform registers its own areas and resource types, and then decides its features with them. */
class PlatformCatalogIntegrationTests extends ApiIntegrationTest {

	@Test
	void aRegisteredAreaCanBeGrantedAndChecked() {
		String area = unique("invoices-");
		registerArea(admin(), area, List.of("approve", "read")).expectStatus().isCreated()
			.expectHeader().valueEquals("Location", "/api/v1/permissions/" + area)
			.expectBody().jsonPath("$.actions").isEqualTo(List.of("approve", "read"));
		Map<String, Object> role = admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Approver "), "permissions", List.of(area + ":approve")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
		String workspace = createResource(admin(), "workspace", unique("billing-"), null);
		Map<String, Object> clerk = createUser(unique("clerk"));
		bind(admin(), workspace, clerk, java.util.UUID.fromString((String) role.get("id"))).expectStatus().isCreated();

		assertThat(check(admin(), clerk, area + ":approve", workspace)).containsEntry("allowed", true);
		assertThat(check(admin(), clerk, area + ":read", workspace)).containsEntry("allowed", false);
		Map<String, Object> editor = createUser(unique("editor"));
		bind(admin(), workspace, editor, BuiltInRoles.EDITOR).expectStatus().isCreated();
		assertThat(check(admin(), editor, area + ":read", workspace))
			.as("Editor holds CRUD on a non-administrative area").containsEntry("allowed", true);
		assertThat(check(admin(), editor, area + ":approve", workspace))
			.as("but not the area's own actions").containsEntry("allowed", false);

		admin().put().uri("/api/v1/permissions/{area}", area).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("actions", List.of("read")))
			.exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:permission-in-use");
		admin().put().uri("/api/v1/permissions/{area}", area).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("description", "Invoices of the platform", "actions", List.of("approve", "read", "void")))
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.actions").isEqualTo(List.of("approve", "read", "void"));
		admin().delete().uri("/api/v1/permissions/{area}", area).exchange()
			.expectStatus().isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void administrativeAreasAreBeyondEditors() {
		String area = unique("payroll-");
		admin().post().uri("/api/v1/permissions").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("area", area, "administrative", true, "actions", List.of("read")))
			.exchange().expectStatus().isCreated();
		String workspace = createResource(admin(), "workspace", unique("hr-"), null);
		Map<String, Object> editor = createUser(unique("editor"));
		bind(admin(), workspace, editor, BuiltInRoles.EDITOR).expectStatus().isCreated();
		assertThat(check(admin(), editor, area + ":read", workspace)).containsEntry("allowed", false);
	}

	@Test
	void refusesBadNamesDuplicatesAndBuiltIns() {
		admin().post().uri("/api/v1/permissions").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("area", "Bad Area", "actions", List.of("read")))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("area").jsonPath("$.errors[0].rule").isEqualTo("pattern");
		admin().post().uri("/api/v1/permissions").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("area", unique("x-"), "actions", List.of("read", "Do It")))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("actions[1]");
		registerArea(admin(), "projects", List.of("read")).expectStatus().isEqualTo(HttpStatus.CONFLICT)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:area-exists");
		admin().put().uri("/api/v1/permissions/users").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("actions", List.of("read")))
			.exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:area-immutable");
		admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Ghost "), "permissions", List.of("ghosts:read")))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("permissions[0]")
			.jsonPath("$.errors[0].rule").isEqualTo("unknown-area");
	}

	@Test
	void registeredResourceTypesHoldResourcesUntilRemoved() {
		String type = unique("cluster-");
		admin().post().uri("/api/v1/resource-types").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", type, "description", "A compute cluster"))
			.exchange().expectStatus().isCreated()
			.expectBody().jsonPath("$.builtIn").isEqualTo(false);
		admin().get().uri("/api/v1/resource-types").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[*].name").value((List<String> names) ->
				assertThat(names).contains("workspace", "project", "environment", type));
		String workspace = createResource(admin(), "workspace", unique("ops-"), null);
		String cluster = createResource(admin(), type, "eu-1", workspace);
		admin().delete().uri("/api/v1/resource-types/{name}", type).exchange()
			.expectStatus().isEqualTo(HttpStatus.CONFLICT)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:resource-type-in-use");
		admin().delete().uri("/api/v1/resources/{id}", cluster).exchange().expectStatus().isNoContent();
		admin().delete().uri("/api/v1/resource-types/{name}", type).exchange().expectStatus().isNoContent();
		createResourceCall(admin(), type, "eu-2", workspace).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
		admin().delete().uri("/api/v1/resource-types/workspace").exchange()
			.expectStatus().isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void onlyThoseWhoManageSettingsChangeTheCatalog() {
		String workspace = createResource(admin(), "workspace", unique("ws-"), null);
		String name = unique("wsadmin");
		Map<String, Object> workspaceAdmin = createUser(name);
		bind(admin(), workspace, workspaceAdmin, BuiltInRoles.ADMIN).expectStatus().isCreated();
		RestTestClient asWorkspaceAdmin = withToken(signIn(name, PASSWORD).createToken("t"));
		registerArea(asWorkspaceAdmin, unique("sneaky-"), List.of("read")).expectStatus().isForbidden();
		asWorkspaceAdmin.post().uri("/api/v1/resource-types").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("sneaky-"))).exchange().expectStatus().isForbidden();
		asWorkspaceAdmin.get().uri("/api/v1/resource-types").exchange().expectStatus().isOk();
		anonymous().get().uri("/api/v1/resource-types").exchange().expectStatus().isUnauthorized();
	}

	private RestTestClient.ResponseSpec registerArea(RestTestClient client, String area, List<String> actions) {
		return client.post().uri("/api/v1/permissions").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("area", area, "actions", actions))
			.exchange();
	}
}
