package io.gatehouse.console;

import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages mailed links open, over plain HTTP: open without a sign-in, the token in their address kept from
 * Referer headers and caches, and a GET that uses up nothing.
 */
class ConsoleMailLinkPagesIntegrationTests extends ApiIntegrationTest {

	@Test
	void linkPagesOpenWithoutASignInAndLeakNoToken() {
		for (String path : new String[] { "/console/invitations/accept?token=abc", "/console/password-reset?token=abc",
				"/console/email/confirm?token=abc", "/console/forgot-password" }) {
			anonymous().get().uri(path).exchange().expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader().valueEquals("Referrer-Policy", "no-referrer")
				.expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
		}
		// every console page, signed in or not, sends no Referer on
		anonymous().get().uri("/console/sign-in").exchange().expectHeader().valueEquals("Referrer-Policy", "no-referrer");
	}

	@Test
	void theInvitationPageSaysForWhichAccountAndFromWhomAndUsesNothingUp() {
		String email = unique("guest") + "@example.com";
		String username = (String) admin().post().uri("/api/v1/invitations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "groups", java.util.List.of(testUsersGroup()))).exchange().expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("username");
		String token = TestMailServer.await(email, "you are invited").token();
		for (int opened = 0; opened < 2; opened++) {
			String page = anonymous().get().uri("/console/invitations/accept?token={t}", token).exchange()
				.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
			// the inviter by the name the console shows them by (their screen name), nothing else of theirs
			assertThat(page).contains("System Administrator</strong> invited you", "as <strong>" + username + "</strong>",
					email).doesNotContain("not valid");
		}
		// opening it twice used nothing up
		anonymous().post().uri("/api/v1/invitations/accept").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", token, "password", PASSWORD)).exchange().expectStatus().isOk();
		// and once used, the page says so before any password is chosen
		String used = anonymous().get().uri("/console/invitations/accept?token={t}", token).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(used).contains("This link is not valid").doesNotContain(username);
	}

	@Test
	void openingAnEmailLinkChangesNothingUntilThePersonConfirms() {
		String name = unique("peek");
		createUser(name);
		String token = TestMailServer.await(name + "@example.com", "confirm your email address").token();
		String page = anonymous().get().uri("/console/email/confirm?token={t}", token).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("Confirm email address").doesNotContain("confirmed.");
		anonymous().post().uri("/api/v1/email-confirmations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", token)).exchange().expectStatus().isOk();
	}
}
