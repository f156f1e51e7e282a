package io.gatehouse.api.mail;

import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Resources;
import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a mail server configured (GreenMail): what the instance says about it, a test mail to the caller's own
 * address (sent at once, limited, audited), and links an administrator hands over themselves, each only for who may
 * already do what the link does.
 */
class MailServerIntegrationTests extends ApiIntegrationTest {

	@Test
	void theMailServerIsShownWithoutItsPasswordAndTheTestMailArrivesAtTheCallersOwnAddress() {
		Map<String, Object> admin = instanceAdmin("mailadmin-");
		RestTestClient asAdmin = withToken(signIn((String) admin.get("username"), PASSWORD).createToken("mail"));
		Map<String, Object> state = asAdmin.get().uri("/api/v1/settings/mail").exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
		assertThat(state).containsEntry("configured", true).containsEntry("host", "127.0.0.1")
			.containsEntry("port", TestMailServer.port()).containsEntry("baseUrl", "http://localhost:8080")
			.doesNotContainKey("password");

		for (int i = 0; i < 3; i++) {
			Map<String, Object> result = asAdmin.post().uri("/api/v1/settings/mail/test").exchange()
				.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
			assertThat(result).containsEntry("code", "sent");
		}
		String address = (String) admin.get("email");
		assertThat(testMails(address)).hasSize(3);
		// a fourth within the window is refused: the button cannot be used to flood a mailbox
		asAdmin.post().uri("/api/v1/settings/mail/test").exchange().expectStatus().isEqualTo(429);
		assertThat(testMails(address)).hasSize(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'mail.test-sent' AND actor_id = ?")
			.param(java.util.UUID.fromString((String) admin.get("id"))).query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void someoneWhoMayNotChangeTheSettingsSendsNoTestMail() {
		Map<String, Object> user = createUser(unique("nomail-"));
		RestTestClient plain = withToken(signIn((String) user.get("username"), PASSWORD).createToken("plain"));
		plain.post().uri("/api/v1/settings/mail/test").exchange().expectStatus().isForbidden();
		plain.get().uri("/api/v1/settings/mail").exchange().expectStatus().isForbidden();
		assertThat(testMails((String) user.get("email"))).isEmpty();
	}

	@Test
	void aHandedOverInvitationLinkReplacesTheMailedOneAndDoesNotVerifyTheAddress() {
		String email = unique("handed-") + "@example.com";
		Map<String, Object> invitation = admin().post().uri("/api/v1/invitations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "groups", List.of(testUsersGroup()))).exchange()
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
		String id = (String) invitation.get("id");
		String mailed = TestMailServer.await(email, "you are invited").token();

		String link = (String) admin().post().uri("/api/v1/invitations/" + id + "/link").exchange()
			.expectStatus().isOk()
			.expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
			.expectBody(JSON).returnResult().getResponseBody().get("link");
		assertThat(link).startsWith("http://localhost:8080/console/invitations/accept?token=");
		String token = link.substring(link.indexOf("token=") + 6);

		accept(mailed).expectStatus().isBadRequest();
		accept(token).expectStatus().is2xxSuccessful();
		Map<String, Object> user = admin().get().uri("/api/v1/users/" + id).exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
		assertThat(user).containsEntry("status", "active").containsEntry("emailVerified", false);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'user.invitation-link-copied' AND target_id = ?")
			.param(id).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aResetLinkIsForWhoMaySetThePasswordAndSetsIt() {
		Map<String, Object> user = createUser(unique("resetme-"));
		String id = (String) user.get("id");
		String link = (String) admin().post().uri("/api/v1/users/" + id + "/password-reset-link").exchange()
			.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("link");
		assertThat(link).startsWith("http://localhost:8080/console/password-reset?token=");
		anonymous().post().uri("/api/v1/password-resets/complete").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", link.substring(link.indexOf("token=") + 6), "password", "Another-Horse-8"))
			.exchange().expectStatus().is2xxSuccessful();
		signIn((String) user.get("username"), "Another-Horse-8");

		// a user without users:update gets no link, for anyone
		Map<String, Object> plain = createUser(unique("plainreset-"));
		withToken(signIn((String) plain.get("username"), PASSWORD).createToken("p")).post()
			.uri("/api/v1/users/" + id + "/password-reset-link").exchange().expectStatus().isForbidden();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'user.password-reset-link-copied' AND target_id = ?")
			.param(id).query(Integer.class).single()).isEqualTo(1);
	}

	private static List<TestMailServer.Mail> testMails(String address) {
		return TestMailServer.to(address).stream().filter(mail -> mail.subject().equals("Gatehouse: test mail")).toList();
	}

	private RestTestClient.ResponseSpec accept(String token) {
		return anonymous().post().uri("/api/v1/invitations/accept").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", token, "password", "Accepted-Horse-9")).exchange();
	}

	private Map<String, Object> instanceAdmin(String prefix) {
		String username = unique(prefix);
		return createUser(Map.of("username", username, "email", username + "@example.com", "password", PASSWORD,
				"bindings", List.of(Map.of("roleId", BuiltInRoles.ADMIN.toString(), "resourceId",
						Resources.INSTANCE.toString()))));
	}
}
