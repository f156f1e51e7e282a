package io.gatehouse.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Resources;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console routes of the role picker's pages, the group permissions, the reseller restriction, Move and a role's
 * bindings, posted as hand-made requests: no escalation through them (they are held to the same rules as the API), and
 * malformed input is a field error or a 404, never a 5xx.
 */
class ConsoleRouteGuardsIntegrationTests extends ApiIntegrationTest {

	@Test
	void aMoveNeedsTheRightOnBothTheOldAndTheNewParent() {
		Map<String, Object> owner = createUser(unique("mover"));
		String theirs = createResource(admin(), "workspace", unique("theirs "), null);
		String mine = createResource(admin(), "workspace", unique("mine "), null);
		String project = createResource(admin(), "project", unique("pulled "), theirs);
		for (String resource : List.of(mine, project)) {
			admin().post().uri("/api/v1/resources/{id}/owner", resource).contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("ownerId", owner.get("id"))).exchange().expectStatus().isOk();
		}
		ConsoleForms forms = new ConsoleForms(port, signIn((String) owner.get("username"), PASSWORD).session);

		// Admin of the project and of their own workspace, nothing on the workspace it is in: it stays there
		forms.post("/console/resources/" + project + "/move", Map.of("parentId", mine)).expectStatus().isForbidden();
		assertThat(parentOf(project)).isEqualTo(theirs);
		withToken(signIn((String) owner.get("username"), PASSWORD).createToken("mover")).patch()
			.uri("/api/v1/resources/{id}", project).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("parentId", mine)).exchange().expectStatus().isForbidden();
		assertThat(parentOf(project)).isEqualTo(theirs);

		// with the right on both sides it moves
		String other = createResource(admin(), "workspace", unique("mine too "), null);
		admin().post().uri("/api/v1/resources/{id}/owner", other).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ownerId", owner.get("id"))).exchange().expectStatus().isOk();
		String own = createResource(admin(), "project", unique("own "), other);
		forms.post("/console/resources/" + own + "/move", Map.of("parentId", mine)).expectStatus().is3xxRedirection();
		assertThat(parentOf(own)).isEqualTo(mine);
	}

	@Test
	void scimClientsAreRegisteredAndRevokedOnlyByWhoMayRegisterOne() {
		String keeperRole = (String) admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Settings only "), "permissions", List.of("settings:read", "settings:update")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		Map<String, Object> keeper = createUser(Map.of("username", unique("sk"), "email", unique("sk") + "@example.com",
				"password", PASSWORD, "bindings", List.of(Map.of("roleId", keeperRole))));
		String client = (String) ((Map<?, ?>) admin().post().uri("/api/v1/scim-clients")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("name", unique("okta-"))).exchange()
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("client")).get("id");
		ConsoleForms asKeeper = new ConsoleForms(port, signIn((String) keeper.get("username"), PASSWORD).session);

		// settings alone are not enough: a client acts on users and groups, which the keeper may not
		asKeeper.get("/console/settings/scim-clients").expectStatus().isForbidden();
		asKeeper.post("/console/settings/scim-clients", Map.of("name", "mine")).expectStatus().isForbidden();
		asKeeper.post("/console/settings/scim-clients/" + client + "/revoke", Map.of()).expectStatus().isForbidden();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM provisioning_scim_client WHERE id = ?").param(UUID.fromString(client))
			.query(Long.class).single()).isEqualTo(1);

		ConsoleForms asAdmin = new ConsoleForms(port, signIn(ADMIN, ADMIN_PASSWORD).session);
		asAdmin.post("/console/settings/scim-clients/not-a-uuid/revoke", Map.of()).expectStatus().isNotFound();
		asAdmin.post("/console/settings/scim-clients/" + UUID.randomUUID() + "/revoke", Map.of()).expectStatus()
			.isNotFound();
		asAdmin.post("/console/settings/scim-clients", Map.of("name", "x".repeat(49))).expectStatus().isOk()
			.expectBody(String.class).value(page -> assertThat(page).contains("client-name-error"));
		asAdmin.post("/console/settings/scim-clients/" + client + "/revoke", Map.of()).expectStatus()
			.is3xxRedirection();
	}

	@Test
	void applicationsAreSeenAndChangedOnlyByWhoMayDoSo() {
		String id = (String) admin().post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Guarded "), "type", "confidential", "redirectUris",
					List.of("https://guarded.example/callback"), "grantTypes", List.of("authorization_code")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		Map<String, Object> plain = createUser(unique("noapps"));
		ConsoleForms asPlain = new ConsoleForms(port, signIn((String) plain.get("username"), PASSWORD).session);
		Map<String, String> form = Map.of("name", "Mine", "type", "public", "redirectUris",
				"https://mine.example/callback", "grantTypes", "authorization_code");

		// no menu entry, and the console's 403 page for every route
		assertThat(asPlain.get("/console/profile").expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody()).doesNotContain("/console/applications");
		assertThat(asPlain.get("/console/applications").expectStatus().isForbidden().expectBody(String.class)
			.returnResult().getResponseBody()).contains("Not allowed");
		asPlain.get("/console/applications/new").expectStatus().isForbidden();
		asPlain.get("/console/applications/" + id).expectStatus().isForbidden();
		asPlain.post("/console/applications", form).expectStatus().isForbidden();
		asPlain.post("/console/applications/" + id, form).expectStatus().isForbidden();
		asPlain.post("/console/applications/" + id + "/secret", Map.of("overlap", "PT0S")).expectStatus().isForbidden();
		asPlain.post("/console/applications/" + id + "/delete", Map.of()).expectStatus().isForbidden();
		admin().get().uri("/api/v1/applications/{id}", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.name").value(name -> assertThat((String) name).startsWith("Guarded "));

		// a reader sees the list and the page, read-only, and changes nothing
		String readerRole = (String) admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("App reader "), "permissions", List.of("applications:read")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		Map<String, Object> reader = createUser(Map.of("username", unique("ar"), "email", unique("ar") + "@example.com",
				"password", PASSWORD, "bindings", List.of(Map.of("roleId", readerRole))));
		ConsoleForms asReader = new ConsoleForms(port, signIn((String) reader.get("username"), PASSWORD).session);
		assertThat(asReader.get("/console/applications").expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody()).contains("href=\"/console/applications\"").doesNotContain("Register application");
		assertThat(asReader.get("/console/applications/" + id).expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody()).doesNotContain("rotate-form", "Delete application");
		asReader.post("/console/applications/" + id + "/secret", Map.of()).expectStatus().isForbidden();
		asReader.post("/console/applications/" + id + "/delete", Map.of()).expectStatus().isForbidden();

		// malformed input: a field error or a 404, never a server error
		ConsoleForms asAdmin = new ConsoleForms(port, signIn(ADMIN, ADMIN_PASSWORD).session);
		asAdmin.get("/console/applications/not-a-uuid").expectStatus().isNotFound();
		asAdmin.post("/console/applications/" + UUID.randomUUID() + "/delete", Map.of()).expectStatus().isNotFound();
		for (String overlap : List.of("P31D", "-PT1H", "tomorrow")) {
			assertThat(asAdmin.post("/console/applications/" + id + "/secret", Map.of("overlap", overlap))
				.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
				.contains("overlap-error");
		}
		assertThat(asAdmin.post("/console/applications", Map.of("name", "x", "type", "neither"))
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
			.contains("type-error", "grant-types-error");
	}

	@Test
	void theResellerRestrictionIsHeldToAuthorityOverTheUser() {
		String workspace = createResource(admin(), "workspace", unique("resold "), null);
		String helpdeskRole = (String) admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Help desk "), "permissions",
					List.of("users:read", "users:update", "resources:read")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		Map<String, Object> helpdesk = createUser(Map.of("username", unique("hd"), "email", unique("hd") + "@example.com",
				"password", PASSWORD, "bindings", List.of(Map.of("roleId", helpdeskRole))));
		String hidden = createResource(admin(), "workspace", unique("hidden "), null);
		bind(admin(), hidden, helpdesk, BuiltInRoles.NO_ACCESS).expectStatus().isCreated();
		Map<String, Object> instanceAdmin = createUser(Map.of("username", unique("ia"), "email",
				unique("ia") + "@example.com", "password", PASSWORD,
				"bindings", List.of(Map.of("roleId", BuiltInRoles.ADMIN.toString()))));
		Map<String, Object> plain = createUser(unique("pl"));
		ConsoleForms asHelpdesk = new ConsoleForms(port, signIn((String) helpdesk.get("username"), PASSWORD).session);
		ConsoleForms asPlain = new ConsoleForms(port, signIn((String) plain.get("username"), PASSWORD).session);

		// one who holds more than the help desk cannot be confined by it; nobody without users:update confines anyone
		// (a grant the editor does not hold is told on the form, as everywhere in the console)
		assertThat(asHelpdesk.post("/console/users/" + instanceAdmin.get("id") + "/restriction",
				Map.of("resourceId", workspace)).expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody()).contains("class=\"alert error\"", "which you could not grant");
		asPlain.post("/console/users/" + plain.get("id") + "/restriction", Map.of("resourceId", workspace))
			.expectStatus().isForbidden();
		admin().get().uri("/api/v1/users/{id}/restriction", instanceAdmin.get("id")).exchange().expectStatus().isNoContent();

		// nor to a workspace the help desk cannot see: unknown, as one that does not exist
		assertThat(asHelpdesk.post("/console/users/" + plain.get("id") + "/restriction", Map.of("resourceId", hidden))
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
			.contains("Is not a known resource.");
		admin().get().uri("/api/v1/users/{id}/restriction", plain.get("id")).exchange().expectStatus().isNoContent();

		// the help desk may confine a plain user to a workspace it sees, and lift it
		asHelpdesk.post("/console/users/" + plain.get("id") + "/restriction", Map.of("resourceId", workspace))
			.expectStatus().is3xxRedirection();
		admin().get().uri("/api/v1/users/{id}/restriction", plain.get("id")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.resourceId").isEqualTo(workspace);
		asHelpdesk.post("/console/users/" + plain.get("id") + "/restriction", Map.of("resourceId", ""))
			.expectStatus().is3xxRedirection();
		admin().get().uri("/api/v1/users/{id}/restriction", plain.get("id")).exchange().expectStatus().isNoContent();
	}

	/** The bulk bar's roles, fetched when its box is first used, only for one who may change users. */
	@Test
	void theBulkBarsRolesAreForThoseWhoMayChangeUsers() {
		Map<String, Object> plain = createUser(unique("bulkview"));
		ConsoleForms asPlain = new ConsoleForms(port, signIn((String) plain.get("username"), PASSWORD).session);
		ConsoleForms asAdmin = new ConsoleForms(port, signIn(ADMIN, ADMIN_PASSWORD).session);
		// nothing to choose: an empty answer
		assertThat(asPlain.get("/console/users/bulk-roles").expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody()).isNullOrEmpty();
		assertThat(asAdmin.get("/console/users/bulk-roles").expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody()).contains("<optgroup", ">Instance: Viewer</option>");
	}

	@Test
	void malformedInputIsAFieldErrorOrNotFoundNeverAServerError() {
		Map<String, Object> user = createUser(unique("fz"));
		String resource = createResource(admin(), "workspace", unique("fuzzed "), null);
		String group = (String) admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Fuzzed "))).exchange().expectStatus().isCreated().expectBody(JSON)
			.returnResult().getResponseBody().get("id");
		ConsoleForms forms = new ConsoleForms(port, signIn(ADMIN, ADMIN_PASSWORD).session);
		String userPath = "/console/users/" + user.get("id") + "/restriction";

		for (String value : List.of("not-a-uuid", "'; DROP TABLE users_account; --", "\u0000", "x".repeat(5000))) {
			assertThat(forms.post(userPath, Map.of("resourceId", value)).expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody()).contains("resourceId-error");
			assertThat(forms.post("/console/resources/" + resource + "/move", Map.of("parentId", value))
				.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).contains("parentId-error");
			forms.get("/console/groups/member-suggestions?login={v}".replace("{v}",
					java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8))).expectStatus().isOk();
			forms.post("/console/groups/" + group + "/permissions", Map.of("area", value, "access", "read", "version", "1"))
				.expectStatus().isOk();
			forms.post("/console/groups/" + group + "/members", Map.of("login", value)).expectStatus().isOk();
		}
		// an unknown resource is a field error too, and ids that are no ids are pages that do not exist
		assertThat(forms.post(userPath, Map.of("resourceId", UUID.randomUUID().toString())).expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody()).contains("Is not a known resource.");
		forms.post("/console/resources/not-a-uuid/move", Map.of("parentId", resource)).expectStatus().isNotFound();
		forms.post("/console/users/not-a-uuid/restriction", Map.of("resourceId", resource)).expectStatus().isNotFound();
		forms.post("/console/resources/" + Resources.INSTANCE + "/move", Map.of("parentId", resource))
			.expectStatus().isOk();
		forms.get("/console/groups/" + group + "/permissions/no-such-area").expectStatus().isOk();
		forms.get("/console/groups/not-a-uuid/permissions/projects").expectStatus().isNotFound();
		forms.get("/console/roles/" + BuiltInRoles.VIEWER).expectStatus().isOk();
	}

	private String parentOf(String resource) {
		return (String) admin().get().uri("/api/v1/resources/{id}", resource).exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody().get("parentId");
	}
}
