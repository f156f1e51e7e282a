package io.gatehouse.api.security;

import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Resources;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways a delegated administrator once reached more than they held, each refused now, named as the attacks they
 * were. The escalation property test covers every operation; these say in words what it found.
 */
class DelegatedAdministrationIntegrationTests extends ApiIntegrationTest {

	private static final String INSTANCE = Resources.INSTANCE.toString();

	private static final String NEW_PASSWORD = "Takeover-Pass-91x";

	@Test
	void aHelpDeskRoleDoesNotSetASystemAdministratorsPasswordNorAnAdmins() {
		String role = (String) admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Help desk "), "permissions", List.of("users:read", "users:update")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		RestTestClient helpDesk = as(Map.of("roleId", role, "resourceId", INSTANCE));
		Map<String, Object> root = systemAdministrator();
		Map<String, Object> admin = userWith(Map.of("roleId", BuiltInRoles.ADMIN.toString(), "resourceId", INSTANCE));

		for (Map<String, Object> target : List.of(root, admin)) {
			refused(helpDesk.put().uri("/api/v1/users/{id}/password", target.get("id"))
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD)));
			refused(helpDesk.post().uri("/api/v1/users/{id}/temporary-password", target.get("id")));
			refused(helpDesk.patch().uri("/api/v1/users/{id}", target.get("id"))
				.contentType(MediaType.APPLICATION_JSON).body(Map.of("email", unique("mine") + "@example.com")));
			refused(helpDesk.delete().uri("/api/v1/users/{id}/mfa", target.get("id")));
			refused(helpDesk.post().uri("/api/v1/users/{id}/deactivate", target.get("id")));
		}
		anonymous().post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", root.get("username"), "password", NEW_PASSWORD)).exchange()
			.expectStatus().isUnauthorized();
		// a user who holds no more than the help desk is theirs to help
		Map<String, Object> plain = createUser(unique("plain"));
		helpDesk.put().uri("/api/v1/users/{id}/password", plain.get("id")).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD)).exchange()
			.expectStatus().isNoContent();
	}

	@Test
	void anAdminDoesNotActOnASystemAdministrator() {
		RestTestClient instanceAdmin = as(Map.of("roleId", BuiltInRoles.ADMIN.toString(), "resourceId", INSTANCE));
		Map<String, Object> root = systemAdministrator();
		refused(instanceAdmin.put().uri("/api/v1/users/{id}/password", root.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD)));
		refused(instanceAdmin.delete().uri("/api/v1/users/{id}/sessions", root.get("id")));
		refused(instanceAdmin.put().uri("/api/v1/users/{id}/ip-allowlist", root.get("id"))
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("rules", List.of("203.0.113.1"))));
	}

	@Test
	void anEditorTakesNoOwnershipAndGainsNothingByAMove() {
		String mine = createResource(admin(), "workspace", unique("mine "), null);
		String theirs = createResource(admin(), "workspace", unique("theirs "), null);
		String project = createResource(admin(), "project", unique("project "), theirs);
		Map<String, Object> editor = userWith(Map.of("roleId", BuiltInRoles.EDITOR.toString(), "resourceId", INSTANCE));
		admin().post().uri("/api/v1/resources/{id}/owner", mine).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ownerId", editor.get("id"))).exchange().expectStatus().isOk();
		RestTestClient client = signIn((String) editor.get("username"), PASSWORD).client();

		for (String resource : List.of(INSTANCE, theirs)) {
			refused(client.post().uri("/api/v1/resources/{id}/owner", resource)
				.contentType(MediaType.APPLICATION_JSON).body(Map.of("ownerId", editor.get("id"))));
		}
		refused(client.patch().uri("/api/v1/resources/{id}", project).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("parentId", mine)));
		assertThat(check(admin(), editor, "roles:update", project))
			.containsEntry("allowed", false);
	}

	@Test
	void aScopedTokenDoesNotChangeItsOwnAccount() {
		Map<String, Object> user = createUser(unique("scoped"));
		SignedIn browser = signIn((String) user.get("username"), PASSWORD);
		String other = browser.createToken("other");
		String scoped = (String) browser.client().post().uri("/api/v1/me/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "scoped", "permissions", List.of("users:read")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("token");
		RestTestClient token = withToken(scoped);
		String otherId = (String) withToken(other).get().uri("/api/v1/me/tokens").exchange()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult().getResponseBody().stream().filter(t -> "other".equals(t.get("name"))).findFirst()
			.orElseThrow().get("id");

		scopedToken(token.post().uri("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)));
		scopedToken(token.post().uri("/api/v1/me/email").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", unique("new") + "@example.com", "currentPassword", PASSWORD)));
		scopedToken(token.patch().uri("/api/v1/me").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("displayName", "Taken")));
		scopedToken(token.post().uri("/api/v1/me/mfa/totp"));
		scopedToken(token.method(org.springframework.http.HttpMethod.DELETE).uri("/api/v1/me/mfa")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("code", "123456")));
		scopedToken(token.delete().uri("/api/v1/me/tokens/{id}", otherId));
		scopedToken(token.post().uri("/api/v1/me/tokens/reset"));
		scopedToken(token.delete().uri("/api/v1/me/sessions"));
		withToken(other).get().uri("/api/v1/me").exchange().expectStatus().isOk();
		browser.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
	}

	private Map<String, Object> systemAdministrator() {
		return userWith(Map.of("roleId", BuiltInRoles.SYSTEM_ADMINISTRATOR.toString(), "resourceId", INSTANCE));
	}

	private Map<String, Object> userWith(Map<String, Object> binding) {
		String name = unique("u");
		return createUser(Map.of("username", name, "email", name + "@example.com", "password", PASSWORD, "bindings",
				List.of(binding)));
	}

	/** A signed-in user holding the binding, seen as their browser. */
	private RestTestClient as(Map<String, Object> binding) {
		Map<String, Object> user = userWith(binding);
		return signIn((String) user.get("username"), PASSWORD).client();
	}

	private static void refused(RestTestClient.RequestHeadersSpec<?> request) {
		request.exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("privilege-escalation");
	}

	private static void scopedToken(RestTestClient.RequestHeadersSpec<?> request) {
		request.exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("scoped-token");
	}
}
