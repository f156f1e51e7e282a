package io.gatehouse.api.users;

import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A new user is given roles (Workspace: Role) and groups on the user form, all or nothing. */
class UserAccessOnCreateIntegrationTests extends ApiIntegrationTest {

	private static final ParameterizedTypeReference<List<Object>> LIST = new ParameterizedTypeReference<>() {
	};

	@Test
	void aNewUserNeedsARoleOrAGroup() {
		String email = unique("lonely") + "@example.com";
		post(admin(), Map.of("email", email)).expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("bindings")
			.jsonPath("$.errors[0].rule").isEqualTo("required");
		assertThat(usersWithEmail(email)).isZero();
	}

	@Test
	void createsAUserWithRolesPerWorkspaceAndGroups() {
		String workspace = createResource(admin(), "workspace", unique("Acme-"), null);
		String group = group(unique("Support "));
		Map<String, Object> user = post(admin(), Map.of("email", unique("dana") + "@example.com",
				"bindings", List.of(Map.of("roleId", BuiltInRoles.EDITOR.toString(), "resourceId", workspace),
						Map.of("roleId", BuiltInRoles.VIEWER.toString())),
				"groups", List.of(group)))
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
		String id = (String) user.get("id");

		admin().get().uri("/api/v1/users/{id}", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.roles").value((List<String> roles) -> assertThat(roles)
				.hasSize(2).anyMatch(label -> label.endsWith(": Editor")).anyMatch(label -> label.endsWith(": Viewer")));
		assertThat(admin().get().uri("/api/v1/users/{id}/groups", id).exchange().expectStatus().isOk()
			.expectBody(LIST).returnResult().getResponseBody()).containsExactly(group);
		assertThat(check(admin(), user, "projects:update", workspace)).containsEntry("allowed", true);
	}

	@Test
	void aNewUsersFirstRolesLeaveOtherNodesCachesAloneWhileALaterGrantReachesThem() {
		// other nodes drop their cached access when the access area moves; nothing of a brand-new user can be cached
		String workspace = createResource(admin(), "workspace", unique("Epoch-"), null);
		String group = group(unique("Fresh "));
		long before = sharedEpoch();
		long usersBefore = changes("users");
		Map<String, Object> user = post(admin(), Map.of("email", unique("fresh") + "@example.com",
				"bindings", List.of(Map.of("roleId", BuiltInRoles.VIEWER.toString(), "resourceId", workspace)),
				"groups", List.of(group))).expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody();
		assertThat(sharedEpoch()).isEqualTo(before);
		assertThat(changes("users")).as("nor their cached accounts").isEqualTo(usersBefore);
		assertThat(check(admin(), user, "projects:read", workspace)).containsEntry("allowed", true);

		bind(admin(), workspace, user, BuiltInRoles.EDITOR).expectStatus().isCreated();
		assertThat(sharedEpoch()).isGreaterThan(before);
		assertThat(check(admin(), user, "projects:update", workspace)).containsEntry("allowed", true);
	}

	@Test
	void oneBadGrantLeavesNoUserBehind() {
		String email = unique("half") + "@example.com";
		post(admin(), Map.of("email", email, "bindings", List.of(Map.of("roleId", BuiltInRoles.VIEWER.toString()),
				Map.of("roleId", "00000000-0000-0000-0000-00000000dead"))))
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("bindings[1].roleId")
			.jsonPath("$.errors[0].rule").isEqualTo("exists");
		post(admin(), Map.of("email", email, "groups", List.of("00000000-0000-0000-0000-00000000dead")))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("groups[0]");
		post(admin(), Map.of("email", email, "bindings", List.of(Map.of("roleId", BuiltInRoles.VIEWER.toString(),
				"resourceId", "00000000-0000-0000-0000-00000000dead"))))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("bindings[0].resourceId");
		assertThat(usersWithEmail(email)).as("no partial user").isZero();
	}

	@Test
	void aWorkspaceAdminCreatesUsersOnlyWithinWhatTheyHold() {
		String workspace = createResource(admin(), "workspace", unique("W-"), null);
		String name = unique("wadmin");
		Map<String, Object> workspaceAdmin = createUser(name);
		bind(admin(), workspace, workspaceAdmin, BuiltInRoles.ADMIN).expectStatus().isCreated();
		String creator = admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("User creator "), "permissions", List.of("users:create")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id").toString();
		bind(admin(), "00000000-0000-0000-0000-000000000001", workspaceAdmin, java.util.UUID.fromString(creator))
			.expectStatus().isCreated();
		RestTestClient asWorkspaceAdmin = withToken(signIn(name, PASSWORD).createToken("t"));

		post(asWorkspaceAdmin, Map.of("email", unique("member") + "@example.com",
				"bindings", List.of(Map.of("roleId", BuiltInRoles.EDITOR.toString(), "resourceId", workspace))))
			.expectStatus().isCreated();
		String project = createResource(admin(), "project", unique("p-"), workspace);
		bind(admin(), project, workspaceAdmin, BuiltInRoles.EDITOR).expectStatus().isCreated();
		post(asWorkspaceAdmin, Map.of("email", unique("member") + "@example.com",
				"bindings", List.of(Map.of("roleId", BuiltInRoles.ADMIN.toString(), "resourceId", project))))
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:forbidden");
		String email = unique("boss") + "@example.com";
		post(asWorkspaceAdmin, Map.of("email", email,
				"bindings", List.of(Map.of("roleId", BuiltInRoles.ADMIN.toString()))))
			// the instance is out of their sight, so it is named as unknown rather than forbidden
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("bindings[0].resourceId");
		assertThat(usersWithEmail(email)).isZero();
	}

	@Test
	void editingAUserReplacesTheirRolesAndGroups() {
		String workspace = createResource(admin(), "workspace", unique("E-"), null);
		String group = group(unique("Ops "));
		Map<String, Object> user = createUser(unique("erin"));
		String id = (String) user.get("id");
		admin().patch().uri("/api/v1/users/{id}", id).contentType(MediaType.valueOf("application/merge-patch+json"))
			.body(Map.of("bindings", List.of(Map.of("roleId", BuiltInRoles.VIEWER.toString(), "resourceId", workspace)),
					"groups", List.of(group)))
			.exchange().expectStatus().isOk();
		assertThat(check(admin(), user, "projects:read", workspace)).containsEntry("allowed", true);
		assertThat(admin().get().uri("/api/v1/users/{id}/groups", id).exchange()
			.expectBody(LIST).returnResult().getResponseBody()).containsExactly(group);

		admin().patch().uri("/api/v1/users/{id}", id).contentType(MediaType.valueOf("application/merge-patch+json"))
			.body(Map.of("bindings", List.of(Map.of("roleId", BuiltInRoles.EDITOR.toString(), "resourceId", workspace))))
			.exchange().expectStatus().isOk();
		admin().get().uri("/api/v1/users/{id}", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.roles").value((List<String> roles) -> assertThat(roles)
				.singleElement().satisfies(label -> assertThat(label).endsWith(": Editor")));
		assertThat(admin().get().uri("/api/v1/users/{id}/groups", id).exchange()
			.expectBody(LIST).returnResult().getResponseBody()).as("groups left alone").containsExactly(group);

		admin().patch().uri("/api/v1/users/{id}", id).contentType(MediaType.valueOf("application/merge-patch+json"))
			.body(Map.of("bindings", List.of(Map.of("roleId", "not-a-uuid"))))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("bindings[0].roleId");
	}

	private RestTestClient.ResponseSpec post(RestTestClient client, Map<String, Object> body) {
		return client.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private String group(String name) {
		return (String) admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
	}

	private long sharedEpoch() {
		return changes("access");
	}

	private long changes(String area) {
		return jdbc.sql("SELECT SUM(version) FROM cache_change WHERE area = ?").param(area).query(Long.class).single();
	}

	private long usersWithEmail(String email) {
		return jdbc.sql("SELECT COUNT(*) FROM users_account WHERE LOWER(email) = LOWER(?)").param(email)
			.query(Long.class).single();
	}
}
