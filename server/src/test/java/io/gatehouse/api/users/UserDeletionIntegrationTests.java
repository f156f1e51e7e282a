package io.gatehouse.api.users;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestMailServer;
import io.gatehouse.support.Totp;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Leaving: delete refused while the user owns resources, then a scrubbed tombstone, audit kept. */
class UserDeletionIntegrationTests extends ApiIntegrationTest {

	private static final String VIEWER = "00000000-0000-0000-0000-0000000000a4";

	@Test
	void aUserWhoOwnsResourcesIsDeletedOnlyAfterOwnershipIsTransferred() {
		String name = unique("owner");
		String id = (String) createUser(name).get("id");
		Map<String, Object> workspace = admin().post().uri("/api/v1/resources").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("type", "workspace", "name", unique("Acme "), "ownerId", id)).exchange()
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();

		admin().delete().uri("/api/v1/users/{id}", id).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:gatehouse:problem:user-owns-resources")
			.jsonPath("$.resources[0].id").isEqualTo(workspace.get("id"))
			.jsonPath("$.resources[0].name").isEqualTo(workspace.get("name"))
			.jsonPath("$.resources[0].type").isEqualTo("workspace");
		signIn(name, PASSWORD);

		String adminId = (String) admin().get().uri("/api/v1/me").exchange().expectBody(JSON).returnResult()
			.getResponseBody().get("id");
		admin().post().uri("/api/v1/resources/{id}/owner", workspace.get("id")).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ownerId", adminId)).exchange().expectStatus().isOk();
		admin().delete().uri("/api/v1/users/{id}", id).exchange().expectStatus().isNoContent();
		admin().get().uri("/api/v1/users/{id}", id).exchange().expectStatus().isNotFound();
	}

	@Test
	void aDeletedUserLosesCredentialsSessionsTokensMembershipsAndPersonalDataButTheAuditKeepsWhatTheyDid() {
		String name = unique("leaver");
		String email = name + "@example.com";
		String id = (String) createUser(Map.of("username", name, "email", email, "password", PASSWORD,
				"firstName", "Lea", "lastName", "Ver", "department", "Sales")).get("id");
		SignedIn session = signIn(name, PASSWORD);
		String token = session.createToken("laptop");
		assertThat(TestMailServer.await(email, "personal access token").text()).contains("laptop");
		Map<String, Object> group = admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Leavers "))).exchange().expectBody(JSON).returnResult().getResponseBody();
		admin().post().uri("/api/v1/groups/{id}/members", group.get("id")).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("userId", id)).exchange().expectStatus().is2xxSuccessful();
		admin().post().uri("/api/v1/resources/{id}/bindings", "00000000-0000-0000-0000-000000000001")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("principalType", "user", "principalId", id, "roleId", VIEWER)).exchange()
			.expectStatus().isCreated();

		admin().delete().uri("/api/v1/users/{id}", id).exchange().expectStatus().isNoContent();

		session.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		withToken(token).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		anonymous().post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", name, "password", PASSWORD)).exchange().expectStatus().isUnauthorized();
		admin().get().uri("/api/v1/groups/{id}/members", group.get("id")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$").isEmpty();
		admin().get().uri("/api/v1/resources/{id}/bindings", "00000000-0000-0000-0000-000000000001").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[?(@.principalId == '" + id + "')]").isEmpty();
		admin().get().uri("/api/v1/users?q=" + name).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.items").isEmpty();
		admin().delete().uri("/api/v1/users/{id}", id).exchange().expectStatus().isNotFound();
		admin().post().uri("/api/v1/users/{id}/reactivate", id).exchange().expectStatus().isNotFound();

		Map<String, Object> row = jdbc.sql("""
				SELECT username, email, first_name, last_name, department, password_hash, status
				FROM users_account WHERE id = CAST(? AS UUID)""").param(id).query().singleRow();
		assertThat(row.get("status")).isEqualTo("DELETED");
		assertThat(row.get("username").toString()).startsWith("deleted-").doesNotContain(name);
		assertThat(row.get("email").toString()).doesNotContain(name);
		assertThat(row.get("first_name")).isNull();
		assertThat(row.get("last_name")).isNull();
		assertThat(row.get("department")).isNull();
		assertThat(row.get("password_hash")).isNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient_normalized = ?").param(email)
			.query(Long.class).single()).isZero();
		// the sign-in history keeps the attempts, not the login typed
		assertThat(jdbc.sql("SELECT login FROM auth_sign_in WHERE user_id = CAST(? AS UUID)").param(id)
			.query(String.class).list()).isNotEmpty().containsOnly("");
		// what the user did stays, under the name they had
		assertThat(jdbc.sql("SELECT actor_username FROM audit_event WHERE actor_id = CAST(? AS UUID) AND action = ?")
			.params(id, "token.created").query(String.class).list()).containsExactly(name);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'user.deleted' AND target_id = ?")
			.param(id).query(Long.class).single()).isEqualTo(1);
		// the name and address are free for someone new
		createUser(name);
	}

	@Test
	void nobodyDeletesThemselvesAndOnlyThoseWithThePermissionDeleteOthers() {
		String adminId = (String) admin().get().uri("/api/v1/me").exchange().expectBody(JSON).returnResult()
			.getResponseBody().get("id");
		admin().delete().uri("/api/v1/users/{id}", adminId).exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:cannot-delete-self");

		String victim = (String) createUser(unique("victim")).get("id");
		String name = unique("plain");
		createUser(name);
		signIn(name, PASSWORD).client().delete().uri("/api/v1/users/{id}", victim).exchange()
			.expectStatus().isForbidden();
		admin().get().uri("/api/v1/users/{id}", victim).exchange().expectStatus().isOk();
	}

	@Test
	void anInstanceAdminDeletesUsersButNotASystemAdministrator() {
		String name = unique("deputy");
		String deputy = (String) createUser(name).get("id");
		admin().post().uri("/api/v1/resources/{id}/bindings", "00000000-0000-0000-0000-000000000001")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("principalType", "user", "principalId", deputy, "roleId", "00000000-0000-0000-0000-0000000000a2"))
			.exchange().expectStatus().isCreated();
		String adminId = (String) admin().get().uri("/api/v1/me").exchange().expectBody(JSON).returnResult()
			.getResponseBody().get("id");
		SignedIn signedIn = signIn(name, PASSWORD);

		signedIn.client().delete().uri("/api/v1/users/{id}", adminId).exchange().expectStatus().isForbidden();
		admin().get().uri("/api/v1/users/{id}", adminId).exchange().expectStatus().isOk();
		String other = (String) createUser(unique("other")).get("id");
		signedIn.client().delete().uri("/api/v1/users/{id}", other).exchange().expectStatus().isNoContent();
	}

	@Test
	void aDeactivatedUserCanBeDeleted() {
		String id = (String) createUser(unique("gone")).get("id");
		admin().post().uri("/api/v1/users/{id}/deactivate", id).exchange().expectStatus().isOk();
		admin().delete().uri("/api/v1/users/{id}", id).exchange().expectStatus().isNoContent();
		assertThat(jdbc.sql("SELECT status FROM users_account WHERE id = CAST(? AS UUID)").param(id)
			.query(String.class).single()).isEqualTo("DELETED");
	}

	@Test
	void aDeletedUsersSecondFactorAndAllowlistGoWithTheAccount() {
		String name = unique("gone");
		String id = (String) createUser(name).get("id");
		SignedIn browser = signIn(name, PASSWORD);
		String secret = (String) browser.client().post().uri("/api/v1/me/mfa/totp").exchange()
			.expectStatus().is2xxSuccessful().expectBody(JSON).returnResult().getResponseBody().get("secret");
		browser.client().post().uri("/api/v1/me/mfa/totp/confirm").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("code", Totp.code(secret, Instant.now()))).exchange().expectStatus().is2xxSuccessful();
		admin().put().uri("/api/v1/users/{id}/ip-allowlist", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("rules", List.of("127.0.0.1", "::1"))).exchange().expectStatus().isOk();
		assertThat(rowsOf("mfa_totp", id) + rowsOf("mfa_recovery_code", id) + rowsOf("allowlist_rule", id)).isPositive();

		admin().delete().uri("/api/v1/users/{id}", id).exchange().expectStatus().isNoContent();
		assertThat(rowsOf("mfa_totp", id)).isZero();
		assertThat(rowsOf("mfa_recovery_code", id)).isZero();
		assertThat(rowsOf("allowlist_rule", id)).isZero();
	}

	private long rowsOf(String table, String userId) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?").param(java.util.UUID.fromString(userId))
			.query(Long.class).single();
	}
}
