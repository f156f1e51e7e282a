package io.gatehouse.api.groups;

import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Groups with members, role bindings and permission profiles. */
class GroupApiIntegrationTests extends ApiIntegrationTest {

	@Test
	void aProfileGrantsItsGlobalActionsUntilGranularEntriesReplaceThem() {
		Map<String, Object> member = createUser(unique("member"));
		String workspace = resource("workspace", unique("ws-"), null);
		Map<String, Object> group = createGroup(Map.of("name", unique("crud-"), "profile", Map.of()));
		assertThat(group.get("profile")).isEqualTo(Map.of("globalActions", List.of("create", "delete", "read", "update"),
				"granular", Map.of()));
		addMember(group, member);
		assertThat(allowed(member, "projects:update", workspace)).isTrue();
		assertThat(allowed(member, "users:create", null)).as("the default global CRUD covers every area").isTrue();

		admin().put().uri("/api/v1/groups/{id}", group.get("id")).header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", group.get("name"), "profile", Map.of("granular", Map.of("projects", List.of("read")))))
			.exchange().expectStatus().isOk();
		assertThat(allowed(member, "projects:read", workspace)).isTrue();
		assertThat(allowed(member, "projects:update", workspace)).as("granular entries nullify the global CRUD").isFalse();
		assertThat(allowed(member, "users:create", null)).isFalse();

		admin().delete().uri("/api/v1/groups/{id}/members/{user}", group.get("id"), member.get("id")).exchange()
			.expectStatus().isNoContent();
		assertThat(allowed(member, "projects:read", workspace)).as("a removed member loses it at once").isFalse();
	}

	@Test
	void aResellerIsConfinedToTheirSubtreeWhateverTheirGroupGrants() {
		Map<String, Object> reseller = createUser(unique("reseller"));
		String own = resource("workspace", unique("own-"), null);
		String other = resource("workspace", unique("other-"), null);
		addMember(reseller(unique("Resellers ")), reseller);
		admin().put().uri("/api/v1/users/{id}/restriction", reseller.get("id")).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("resourceId", own)).exchange().expectStatus().isOk();
		assertThat(allowed(reseller, "projects:update", own)).isTrue();
		assertThat(allowed(reseller, "projects:update", other)).isFalse();
		assertThat(allowed(reseller, "users:read", null)).as("the instance is outside the subtree").isFalse();
		admin().delete().uri("/api/v1/users/{id}/restriction", reseller.get("id")).exchange().expectStatus().isNoContent();
		assertThat(allowed(reseller, "projects:update", other)).isTrue();
	}

	@Test
	void refusesAProfileNamingAnUnknownAreaOrAction() {
		admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("bad-"), "profile", Map.of("granular", Map.of("billing", List.of("read")))))
			.exchange().expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("profile.granular.billing")
			.jsonPath("$.errors[0].rule").isEqualTo("unknown-area");
		admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("bad-"), "profile", Map.of("globalActions", List.of("launch"))))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].rule").isEqualTo("one-of");
	}

	@Test
	void createsDefaultResellerGroupsFromTheTemplate() {
		String name = unique("Reseller ");
		Map<String, Object> first = reseller(name);
		Map<String, Object> second = reseller(name);
		assertThat(first.get("name")).isEqualTo(name);
		assertThat(second.get("name")).isEqualTo(name + " 2");
		@SuppressWarnings("unchecked")
		Map<String, Object> profile = (Map<String, Object>) first.get("profile");
		assertThat(((Map<?, ?>) profile.get("granular")).keySet().stream().map(Object::toString).toList()).contains("projects", "environments", "workspaces");
	}

	@Test
	void aGroupStillBoundCannotBeDeletedAndItsBindingCountsForMembers() {
		Map<String, Object> member = createUser(unique("gm"));
		String workspace = resource("workspace", unique("ws-"), null);
		Map<String, Object> group = createGroup(Map.of("name", unique("viewers-")));
		addMember(group, member);
		Map<String, Object> binding = admin().post().uri("/api/v1/resources/{id}/bindings", workspace)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("principalType", "group", "principalId", group.get("id"), "roleId", BuiltInRoles.VIEWER.toString()))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
		assertThat(allowed(member, "projects:read", workspace)).isTrue();
		admin().get().uri("/api/v1/users/{id}/roles", member.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[0].roleName").isEqualTo("Viewer");
		admin().delete().uri("/api/v1/groups/{id}", group.get("id")).exchange()
			.expectStatus().isEqualTo(HttpStatus.CONFLICT)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:group-still-bound");
		admin().delete().uri("/api/v1/bindings/{id}", binding.get("id")).exchange().expectStatus().isNoContent();
		admin().delete().uri("/api/v1/groups/{id}", group.get("id")).exchange().expectStatus().isNoContent();
		assertThat(allowed(member, "projects:read", workspace)).isFalse();
	}

	@Test
	void onlyThoseWhoHoldAPermissionOnTheInstanceCanPutItInAProfile() {
		String name = unique("wsadmin");
		Map<String, Object> user = createUser(name);
		String workspace = resource("workspace", unique("ws-"), null);
		admin().post().uri("/api/v1/resources/{id}/bindings", workspace).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("principalType", "user", "principalId", user.get("id"), "roleId", BuiltInRoles.ADMIN.toString()))
			.exchange().expectStatus().isCreated();
		withToken(signIn(name, PASSWORD).createToken("t")).post().uri("/api/v1/groups")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("mine-"), "profile", Map.of()))
			.exchange().expectStatus().isForbidden();
	}

	private Map<String, Object> reseller(String name) {
		return admin().post().uri("/api/v1/groups/default-reseller").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name)).exchange().expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody();
	}

	private Map<String, Object> createGroup(Map<String, Object> body) {
		return admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
	}

	private void addMember(Map<String, Object> group, Map<String, Object> user) {
		admin().post().uri("/api/v1/groups/{id}/members", group.get("id")).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("userId", user.get("id"))).exchange().expectStatus().isNoContent();
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
		Map<String, Object> body = new java.util.HashMap<>(Map.of("user", user.get("id"), "permission", permission));
		if (resource != null) {
			body.put("resource", resource);
		}
		return (Boolean) admin().post().uri("/api/v1/authz/check").contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("allowed");
	}
}
