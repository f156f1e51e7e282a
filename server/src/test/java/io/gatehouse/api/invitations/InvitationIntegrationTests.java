package io.gatehouse.api.invitations;

import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestMailServer;
import io.gatehouse.support.TestMailServer.Mail;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Invitations end to end: the mail, the link, the pending user, resend, cancel, expiry. */
class InvitationIntegrationTests extends ApiIntegrationTest {

	private static final String EDITOR = "00000000-0000-0000-0000-0000000000a3";

	private static final String VIEWER = "00000000-0000-0000-0000-0000000000a4";

	@Test
	void anInvitedPersonFollowsTheMailedLinkChoosesAPasswordAndSignsIn() {
		String email = unique("ada") + "@example.com";
		Map<String, Object> group = admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Billing "))).exchange()
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();

		Map<String, Object> workspace = admin().post().uri("/api/v1/resources").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("type", "workspace", "name", unique("Shop "))).exchange()
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();

		Map<String, Object> invitation = invite(Map.of("email", email, "groups", List.of(group.get("id")),
				"roles", List.of(EDITOR), "bindings", List.of(Map.of("roleId", VIEWER, "resourceId", workspace.get("id")))))
			.expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody();
		assertThat(invitation.get("status")).isEqualTo("pending");
		assertThat(invitation.get("invitedBy")).isEqualTo(ADMIN);
		String id = (String) invitation.get("id");
		String username = (String) invitation.get("username");

		Mail mail = TestMailServer.await(email, "you are invited");
		assertThat(mail.from()).contains("Gatehouse");
		assertThat(mail.text()).contains(ADMIN).contains(username).contains("/console/invitations/accept?token=");
		assertThat(mail.html()).contains("href=\"http://localhost:8080/console/invitations/accept?token=" + mail.token() + "\"");

		admin().get().uri("/api/v1/invitations").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[?(@.id == '" + id + "')].email").isEqualTo(email);
		admin().get().uri("/api/v1/users?status=pending&q=" + username).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.items[0].id").isEqualTo(id);
		admin().get().uri("/api/v1/users/{id}/groups", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[0]").isEqualTo(group.get("id"));
		admin().get().uri("/api/v1/users/{id}/roles", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[*].label").value((List<String> labels) -> assertThat(labels)
				.containsExactlyInAnyOrder("Instance: Editor", workspace.get("name") + ": Viewer"));
		// pending: no sign-in yet
		signInFails(email, PASSWORD);

		accept(mail.token(), "weak").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:password-policy")
			.jsonPath("$.errors[0].field").isEqualTo("password");
		accept(mail.token(), PASSWORD).expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("active")
			.jsonPath("$.emailVerified").isEqualTo(true);

		signIn(email, PASSWORD).client().get().uri("/api/v1/me").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.username").isEqualTo(username);
		accept(mail.token(), "Another-Pass-9").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:link-invalid");
		admin().get().uri("/api/v1/invitations").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[?(@.id == '" + id + "')]").isEmpty();
		assertThat(audit("user.invited", id)).isEqualTo(1);
		assertThat(audit("user.invitation-accepted", id)).isEqualTo(1);
	}

	@Test
	void aResentInvitationReplacesTheLinkAndTheOldOneStopsWorking() {
		String email = unique("resend") + "@example.com";
		String id = (String) invite(Map.of("email", email)).expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("id");
		String first = TestMailServer.await(email, "you are invited", 1).token();

		admin().post().uri("/api/v1/invitations/{id}/resend", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.sentCount").isEqualTo(2);
		String second = TestMailServer.await(email, "you are invited", 2).token();
		assertThat(second).isNotEqualTo(first);

		accept(first, PASSWORD).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:link-invalid");
		accept(second, PASSWORD).expectStatus().isOk();
		// accepted: nothing left to resend
		admin().post().uri("/api/v1/invitations/{id}/resend", id).exchange().expectStatus().isNotFound();
	}

	@Test
	void cancellingAnInvitationDeletesThePendingUserAndItsLink() {
		String email = unique("cancel") + "@example.com";
		String id = (String) invite(Map.of("email", email)).expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("id");
		String token = TestMailServer.await(email, "you are invited").token();

		admin().delete().uri("/api/v1/invitations/{id}", id).exchange().expectStatus().isNoContent();

		admin().get().uri("/api/v1/users/{id}", id).exchange().expectStatus().isNotFound();
		admin().get().uri("/api/v1/invitations").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[?(@.id == '" + id + "')]").isEmpty();
		accept(token, PASSWORD).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:link-invalid");
		assertThat(jdbc.sql("SELECT status FROM users_account WHERE id = CAST(? AS UUID)").param(id)
			.query(String.class).single()).isEqualTo("DELETED");
		assertThat(audit("user.invitation-cancelled", id)).isEqualTo(1);
		// the address is free again
		invite(Map.of("email", email)).expectStatus().isCreated();
	}

	@Test
	void invitingAnAddressThatHasAnAccountIsAConflict() {
		String name = unique("taken");
		createUser(name);
		invite(Map.of("email", name + "@example.com")).expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:gatehouse:problem:email-taken")
			.jsonPath("$.errors[0].field").isEqualTo("email");

		String pending = unique("twice") + "@example.com";
		String id = (String) invite(Map.of("email", pending)).expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("id");
		invite(Map.of("email", pending.toUpperCase())).expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:gatehouse:problem:already-invited")
			.jsonPath("$.invitationId").isEqualTo(id)
			.jsonPath("$.errors[0].field").isEqualTo("email");
	}

	@Test
	void anExpiredLinkIsRefused() {
		String email = unique("late") + "@example.com";
		String id = (String) invite(Map.of("email", email)).expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("id");
		String token = TestMailServer.await(email, "you are invited").token();
		// eight days later, as far as the link is concerned
		jdbc.sql("UPDATE users_link SET expires_at = expires_at - INTERVAL '8' DAY WHERE user_id = CAST(? AS UUID)")
			.param(id).update();

		accept(token, PASSWORD).expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:gatehouse:problem:link-expired")
			.jsonPath("$.errors[0].field").isEqualTo("token")
			.jsonPath("$.errors[0].rule").isEqualTo("expired");
		signInFails(email, PASSWORD);
		// a resend gives a working link
		admin().post().uri("/api/v1/invitations/{id}/resend", id).exchange().expectStatus().isOk();
		accept(TestMailServer.await(email, "you are invited", 2).token(), PASSWORD).expectStatus().isOk();
	}

	@Test
	void anInvitationWithARoleThatCannotBeGivenLeavesNoUserAndSendsNoMail() {
		String email = unique("rollback") + "@example.com";
		invite(Map.of("email", email, "roles", List.of(EDITOR), "bindings",
				List.of(Map.of("roleId", VIEWER), Map.of("roleId", "00000000-0000-0000-0000-00000000ffff"))))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("bindings[1].roleId");

		assertThat(jdbc.sql("SELECT COUNT(*) FROM users_account WHERE email_normalized = ?").param(email)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient_normalized = ?").param(email)
			.query(Long.class).single()).isZero();
		assertThat(TestMailServer.afterAWhile(email)).isEmpty();
	}

	@Test
	void onlyThoseWhoMayCreateUsersInvite() {
		String name = unique("plain");
		createUser(name);
		signIn(name, PASSWORD).client().post().uri("/api/v1/invitations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", unique("x") + "@example.com")).exchange()
			.expectStatus().isForbidden();
		anonymous().get().uri("/api/v1/invitations").exchange().expectStatus().isUnauthorized();
	}

	/** Invites with the body; one naming no group or role joins the test group, as a new user needs one. */
	private RestTestClient.ResponseSpec invite(Map<String, Object> body) {
		Map<String, Object> request = new java.util.HashMap<>(body);
		if (!request.containsKey("groups") && !request.containsKey("roles") && !request.containsKey("bindings")) {
			request.put("groups", List.of(testUsersGroup()));
		}
		return admin().post().uri("/api/v1/invitations").contentType(MediaType.APPLICATION_JSON).body(request)
			.exchange();
	}

	private RestTestClient.ResponseSpec accept(String token, String password) {
		return anonymous().post().uri("/api/v1/invitations/accept").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", token, "password", password)).exchange();
	}

	private void signInFails(String login, String password) {
		anonymous().post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", login, "password", password)).exchange()
			.expectStatus().isUnauthorized();
	}

	private long audit(String action, String targetId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND target_id = ?")
			.params(action, targetId).query(Long.class).single();
	}
}
