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
