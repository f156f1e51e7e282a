package io.gatehouse.api.me;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A token limited to some permissions and one subtree can do no more than that, and no more than its user. */
class TokenScopeIntegrationTests extends ApiIntegrationTest {

	private String workspaceA;

	private String workspaceB;

	private Map<String, Object> carol;

	private SignedIn carolSession;

	@BeforeEach
	void anEditorOfTwoWorkspaces() {
		workspaceA = createResource(admin(), "workspace", unique("A-"), null);
		workspaceB = createResource(admin(), "workspace", unique("B-"), null);
		String name = unique("carol");
		carol = createUser(name);
		bind(admin(), workspaceA, carol, BuiltInRoles.ADMIN).expectStatus().isCreated();
		bind(admin(), workspaceB, carol, BuiltInRoles.ADMIN).expectStatus().isCreated();
		carolSession = signIn(name, PASSWORD);
	}

	@Test
	void aScopedTokenIsLimitedToItsPermissionsAndSubtree() {
		Map<String, Object> issued = createToken(List.of("resources:read", "projects:*"), workspaceA);
		assertThat(issued).containsEntry("permissions", List.of("resources:read", "projects:*"))
			.containsEntry("resource", workspaceA);
		RestTestClient scoped = withToken((String) issued.get("token"));

		scoped.get().uri("/api/v1/resources/{id}", workspaceA).exchange().expectStatus().isOk();
		scoped.get().uri("/api/v1/resources/{id}", workspaceB).exchange().expectStatus().isNotFound();
		scoped.patch().uri("/api/v1/resources/{id}", workspaceA).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "renamed")).exchange().expectStatus().isForbidden();
		Map<String, Object> explained = scoped.post().uri("/api/v1/authz/check").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permission", "resources:update", "resource", workspaceA, "explain", true))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		assertThat(explained).containsEntry("allowed", false).containsEntry("reason", "token-scope");
		assertThat(scoped.post().uri("/api/v1/authz/check").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permission", "projects:delete", "resource", workspaceB))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody())
			.as("outside the token's subtree").containsEntry("allowed", false);

		RestTestClient unscoped = withToken(carolSession.createToken("full"));
		unscoped.patch().uri("/api/v1/resources/{id}", workspaceA).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("renamed-"))).exchange().expectStatus().isOk();
		unscoped.get().uri("/api/v1/resources/{id}", workspaceB).exchange().expectStatus().isOk();

		carolSession.client().get().uri("/api/v1/me/tokens").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[?(@.id == '" + issued.get("id") + "')].resource")
			.isEqualTo(List.of(workspaceA));
	}

	@Test
	void aScopeNeverGrantsWhatTheUserLacks() {
		Map<String, Object> issued = createToken(List.of("users:create"), null);
		withToken((String) issued.get("token")).post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", unique("x") + "@example.com", "groups", List.of(testUsersGroup())))
			.exchange().expectStatus().isForbidden();
	}

	@Test
	void aScopedAdministratorTokenCanDoOnlyItsPart() {
		RestTestClient scoped = withToken((String) adminSession().client().post().uri("/api/v1/me/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "read users", "permissions", List.of("users:read")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("token"));
		scoped.get().uri("/api/v1/users?limit=1").exchange().expectStatus().isOk();
		scoped.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", unique("x") + "@example.com", "groups", List.of(testUsersGroup())))
			.exchange().expectStatus().isForbidden();
		scoped.post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "escape")).exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:scoped-token");
		scoped.post().uri("/api/v1/me/tokens/reset").exchange().expectStatus().isForbidden();
	}

	@Test
	void aTokenLosesWhatItsOwnerLoses() {
		RestTestClient token = withToken((String) createToken(List.of(), null).get("token"));
		token.get().uri("/api/v1/resources/{id}", workspaceA).exchange().expectStatus().isOk();
		String binding = (String) admin().get().uri("/api/v1/users/{id}/roles", carol.get("id")).exchange()
			.expectStatus().isOk().expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			}).returnResult().getResponseBody().stream()
			.filter(view -> workspaceA.equals(view.get("resourceId")))
			.findFirst().orElseThrow().get("id");
		admin().delete().uri("/api/v1/bindings/{id}", binding).exchange().expectStatus().isNoContent();
		token.get().uri("/api/v1/resources/{id}", workspaceA).exchange().expectStatus().isNotFound();
		token.get().uri("/api/v1/resources/{id}", workspaceB).exchange().expectStatus().isOk();
	}

	@Test
	void refusesUnknownPermissionsAndUnseenResources() {
		carolSession.client().post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "bad", "permissions", List.of("projects:read", "ghosts:read", "nonsense")))
			.exchange().expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("permissions[1]")
			.jsonPath("$.errors[0].rule").isEqualTo("unknown-area")
			.jsonPath("$.errors[1].field").isEqualTo("permissions[2]");
		String hidden = createResource(admin(), "workspace", unique("hidden-"), null);
		carolSession.client().post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "bad", "resource", hidden))
			.exchange().expectStatus().isNotFound();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM tokens_personal WHERE name = 'bad'").query(Long.class).single())
			.isZero();
	}

	private Map<String, Object> createToken(List<String> permissions, String resource) {
		Map<String, Object> body = new HashMap<>(Map.of("name", unique("scoped-"), "permissions", permissions));
		if (resource != null) {
			body.put("resource", resource);
		}
		return carolSession.client().post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(body).exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
	}

	private SignedIn adminSession() {
		return signIn(ADMIN, ADMIN_PASSWORD);
	}
}
