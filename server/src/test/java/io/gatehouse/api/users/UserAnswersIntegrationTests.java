package io.gatehouse.api.users;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Resources;
import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer that shows a user tells the truth about them: the roles a {@code GET /users/{id}} right after would
 * list, access through a group's permission profile included, and a version that moves when their access does.
 */
class UserAnswersIntegrationTests extends ApiIntegrationTest {

	private static final List<String> VIEWER = List.of("Instance: Viewer");

	@Test
	void everyAnswerThatShowsAUserCarriesTheirRoles() {
		String name = unique("truthful");
		Map<String, Object> created = createUser(Map.of("username", name, "email", name + "@example.com", "password",
				PASSWORD, "bindings", List.of(Map.of("roleId", BuiltInRoles.VIEWER.toString()))));
		Object id = created.get("id");
		assertThat(created.get("roles")).isEqualTo(VIEWER).isEqualTo(get(id).get("roles"));

		assertThat(body(admin().patch().uri("/api/v1/users/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("department", "Ops")).exchange().expectStatus().isOk())).containsEntry("roles", VIEWER);
		assertThat(body(admin().post().uri("/api/v1/users/{id}/deactivate", id).exchange().expectStatus().isOk()))
			.containsEntry("roles", VIEWER);
		assertThat(body(admin().post().uri("/api/v1/users/{id}/reactivate", id).exchange().expectStatus().isOk()))
			.containsEntry("roles", VIEWER);

		SignedIn user = signIn(name, PASSWORD);
		assertThat(user.body).extractingByKey("user").extracting("roles").isEqualTo(VIEWER);
		assertThat(body(user.client().get().uri("/api/v1/me").exchange().expectStatus().isOk()))
			.containsEntry("roles", VIEWER);
		assertThat(body(user.client().patch().uri("/api/v1/me").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("displayName", "True Teller")).exchange().expectStatus().isOk())).containsEntry("roles", VIEWER);
	}

	@Test
	void addedPeopleAndAcceptedInvitationsCarryTheirRolesToo() {
		String batched = unique("batched");
		Map<String, Object> batch = body(admin().post().uri("/api/v1/users/batch").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("accounts", List.of(Map.of("email", batched + "@example.com")), "bindings",
					List.of(Map.of("roleId", BuiltInRoles.VIEWER.toString()))))
			.exchange().expectStatus().isOk());
		@SuppressWarnings("unchecked")
		Map<String, Object> made = (Map<String, Object>) ((List<Map<String, Object>>) batch.get("created")).get(0).get("user");
		assertThat(made.get("roles")).isEqualTo(VIEWER).isEqualTo(get(made.get("id")).get("roles"));

		String invited = unique("invited");
		admin().post().uri("/api/v1/invitations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", invited + "@example.com", "roles", List.of(BuiltInRoles.VIEWER.toString())))
			.exchange().expectStatus().isCreated();
		String token = TestMailServer.await(invited + "@example.com", "you are invited").token();
		Map<String, Object> accepted = body(anonymous().post().uri("/api/v1/invitations/accept")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("token", token, "password", PASSWORD))
			.exchange().expectStatus().isOk());
		assertThat(accepted.get("roles")).isEqualTo(VIEWER).isEqualTo(get(accepted.get("id")).get("roles"));
	}

	@Test
	void accessThroughAGroupsPermissionProfileShowsInTheRoleColumn() {
		String group = unique("Support ");
		String groupId = (String) body(admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", group, "profile", Map.of("globalActions", List.of("read"))))
			.exchange().expectStatus().isCreated()).get("id");
		String name = unique("profiled");
		Map<String, Object> created = createUser(Map.of("username", name, "email", name + "@example.com", "password",
				PASSWORD, "groups", List.of(groupId)));
		List<String> expected = List.of("Instance: " + group + " (permission profile)");
		assertThat(created.get("roles")).isEqualTo(expected);
		assertThat(get(created.get("id")).get("roles")).isEqualTo(expected);
		admin().get().uri("/api/v1/users?q={name}", name).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.items[0].roles[0]").isEqualTo(expected.get(0));
		String consoleList = signIn(ADMIN, ADMIN_PASSWORD).client().get().uri("/console/users?q={name}", name).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(consoleList).contains(">" + expected.get(0) + "<");
	}

	@Test
	void aChangeOfGroupsOrBindingsMovesTheVersionSoAnOldIfMatchFails() {
		Map<String, Object> user = createUser(unique("versioned"));
		Object id = user.get("id");
		String first = etag(id);

		EntityExchangeResult<Map<String, Object>> bound = admin().patch().uri("/api/v1/users/{id}", id)
			.header(HttpHeaders.IF_MATCH, first).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("bindings", List.of(Map.of("roleId", BuiltInRoles.VIEWER.toString()))))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult();
		String second = bound.getResponseHeaders().getETag();
		assertThat(second).isNotEqualTo(first).isEqualTo(etag(id));
		assertThat(bound.getResponseBody()).containsEntry("roles", VIEWER)
			.containsEntry("version", get(id).get("version"));

		// a second client still holding the first version must not silently undo the binding
		admin().patch().uri("/api/v1/users/{id}", id).header(HttpHeaders.IF_MATCH, first)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("bindings", List.of()))
			.exchange().expectStatus().isEqualTo(412);

		// made in the test users' group: out of it, and back
		admin().delete().uri("/api/v1/groups/{group}/members/{id}", testUsersGroup(), id).exchange()
			.expectStatus().isNoContent();
		String third = etag(id);
		assertThat(third).isNotEqualTo(second);
		admin().post().uri("/api/v1/groups/{group}/members", testUsersGroup()).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("userId", id)).exchange().expectStatus().isNoContent();
		String fourth = etag(id);
		assertThat(fourth).isNotEqualTo(third);

		String binding = (String) body(bind(admin(), Resources.INSTANCE.toString(), user, BuiltInRoles.EDITOR)
			.expectStatus().isCreated()).get("id");
		String fifth = etag(id);
		assertThat(fifth).isNotEqualTo(fourth);
		admin().delete().uri("/api/v1/bindings/{id}", binding).exchange().expectStatus().isNoContent();
		assertThat(etag(id)).isNotEqualTo(fifth);
		admin().patch().uri("/api/v1/users/{id}", id).header(HttpHeaders.IF_MATCH, fifth)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("department", "Late"))
			.exchange().expectStatus().isEqualTo(412);
	}

	/** A user's roles are kept between requests: every change that alters the Role column shows at once. */
	@Test
	void theRoleColumnFollowsEveryChangeAtOnce() {
		String workspace = unique("Harbour ");
		String workspaceId = createResource(admin(), "workspace", workspace, null);
		String name = unique("kept");
		Map<String, Object> created = createUser(Map.of("username", name, "email", name + "@example.com", "password",
				PASSWORD, "bindings", List.of(Map.of("roleId", BuiltInRoles.VIEWER.toString(), "resourceId", workspaceId))));
		Object id = created.get("id");
		SignedIn user = signIn(name, PASSWORD);
		assertThat(me(user)).containsEntry("roles", List.of(workspace + ": Viewer"));
		assertThat(me(user)).containsEntry("roles", List.of(workspace + ": Viewer"));

		String renamed = unique("Dock ");
		admin().patch().uri("/api/v1/resources/{id}", workspaceId).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", renamed)).exchange().expectStatus().isOk();
		assertThat(me(user)).containsEntry("roles", List.of(renamed + ": Viewer"));
		assertThat(get(id)).containsEntry("roles", List.of(renamed + ": Viewer"));

		admin().post().uri("/api/v1/resources/{id}/bindings", workspaceId).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("principalType", "user", "principalId", id, "roleId", BuiltInRoles.EDITOR.toString()))
			.exchange().expectStatus().isCreated();
		assertThat(me(user)).containsEntry("roles", List.of(renamed + ": Editor", renamed + ": Viewer"));

		String group = unique("Crew ");
		String groupId = (String) body(admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", group, "profile", Map.of("globalActions", List.of("read"))))
			.exchange().expectStatus().isCreated()).get("id");
		admin().post().uri("/api/v1/groups/{id}/members", groupId).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("userId", id)).exchange().expectStatus().is2xxSuccessful();
		String profile = "Instance: " + group + " (permission profile)";
		assertThat(me(user)).containsEntry("roles", List.of(renamed + ": Editor", renamed + ": Viewer", profile));

		String regrouped = unique("Watch ");
		admin().put().uri("/api/v1/groups/{id}", groupId).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", regrouped, "profile", Map.of("globalActions", List.of("read"))))
			.exchange().expectStatus().isOk();
		assertThat(me(user)).containsEntry("roles",
				List.of(renamed + ": Editor", renamed + ": Viewer", "Instance: " + regrouped + " (permission profile)"));
	}

	private static Map<String, Object> me(SignedIn user) {
		return body(user.client().get().uri("/api/v1/me").exchange().expectStatus().isOk());
	}

	@Test
	void theSubResourcesOfAnUnknownUserAreNotFound() {
		UUID nobody = UUID.randomUUID();
		for (String path : List.of("/api/v1/users/{id}/roles", "/api/v1/users/{id}/groups",
				"/api/v1/users/{id}/restriction")) {
			admin().get().uri(path, nobody).exchange().expectStatus().isNotFound()
				.expectBody().jsonPath("$.code").isEqualTo("user-not-found");
		}
	}

	private Map<String, Object> get(Object id) {
		return body(admin().get().uri("/api/v1/users/{id}", id).exchange().expectStatus().isOk());
	}

	private String etag(Object id) {
		return admin().get().uri("/api/v1/users/{id}", id).exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseHeaders().getETag();
	}

	private static Map<String, Object> body(org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec spec) {
		return spec.expectBody(JSON).returnResult().getResponseBody();
	}
}
