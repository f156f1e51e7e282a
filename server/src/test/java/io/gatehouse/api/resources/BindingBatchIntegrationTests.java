package io.gatehouse.api.resources;

import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Bindings in a batch apply all or none; joining a group cannot hand out more than the one who adds holds. */
class BindingBatchIntegrationTests extends ApiIntegrationTest {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Test
	void aBatchAppliesAllOrNothing() {
		String workspace = createResource(admin(), "workspace", unique("batch-"), null);
		Map<String, Object> first = createUser(unique("first"));
		Map<String, Object> second = createUser(unique("second"));
		batch(List.of(item(first, BuiltInRoles.VIEWER.toString(), workspace),
				item(second, BuiltInRoles.EDITOR.toString(), workspace),
				item(second, "00000000-0000-0000-0000-00000000dead", workspace)))
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("bindings[2].roleId")
			.jsonPath("$.errors[0].rule").isEqualTo("exists");
		assertThat(bindingsAt(workspace)).as("nothing applied").isEmpty();

		List<Map<String, Object>> made = batch(List.of(item(first, BuiltInRoles.VIEWER.toString(), workspace),
				item(second, BuiltInRoles.EDITOR.toString(), workspace)))
			.expectStatus().isCreated().expectBody(LIST).returnResult().getResponseBody();
		assertThat(made).hasSize(2);
		assertThat(bindingsAt(workspace)).hasSize(2);
		batch(List.of(item(first, BuiltInRoles.VIEWER.toString(), workspace))).expectStatus().isEqualTo(409);
		batch(List.of()).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("bindings");
	}

	@Test
	void addingSomeoneToAGroupNeedsWhatTheGroupGrants() {
		String powerful = (String) admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Admins "))).exchange().expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("id");
		admin().post().uri("/api/v1/resources/{id}/bindings", "00000000-0000-0000-0000-000000000001")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("principalType", "group", "principalId", powerful, "roleId", BuiltInRoles.ADMIN.toString()))
			.exchange().expectStatus().isCreated();
		String groupManager = (String) admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Group manager "), "permissions", List.of("groups:read", "groups:update")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		String name = unique("mallory");
		Map<String, Object> mallory = createUser(name);
		bind(admin(), "00000000-0000-0000-0000-000000000001", mallory, java.util.UUID.fromString(groupManager))
			.expectStatus().isCreated();
		RestTestClient asMallory = withToken(signIn(name, PASSWORD).createToken("t"));

		asMallory.post().uri("/api/v1/groups/{id}/members", powerful).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("userId", mallory.get("id"))).exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:privilege-escalation");
		assertThat(check(admin(), mallory, "users:create", "00000000-0000-0000-0000-000000000001"))
			.containsEntry("allowed", false);
		asMallory.post().uri("/api/v1/groups/{id}/members", testUsersGroup()).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("userId", createUser(unique("harmless")).get("id"))).exchange()
			.expectStatus().is2xxSuccessful();
	}

	private RestTestClient.ResponseSpec batch(List<Map<String, Object>> items) {
		return admin().post().uri("/api/v1/bindings/batch").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("bindings", items)).exchange();
	}

	private static Map<String, Object> item(Map<String, Object> user, String role, String resource) {
		return Map.of("principalType", "user", "principalId", user.get("id"), "roleId", role, "resourceId", resource);
	}

	private List<Map<String, Object>> bindingsAt(String resource) {
		return admin().get().uri("/api/v1/resources/{id}/bindings", resource).exchange().expectStatus().isOk()
			.expectBody(LIST).returnResult().getResponseBody();
	}
}
