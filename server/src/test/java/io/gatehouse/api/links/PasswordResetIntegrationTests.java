package io.gatehouse.api.links;

import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestMailServer;
import io.gatehouse.support.TestMailServer.Mail;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Forgotten passwords: no enumeration, a single-use expiring link, the policy, sessions ended, rate limits. */
class PasswordResetIntegrationTests extends ApiIntegrationTest {

	@Test
	void theAnswerIsTheSameForAnUnknownAddressAndOnlyAKnownOneGetsAMail() {
		String name = unique("known");
		String known = name + "@example.com";
		String unknown = unique("nobody") + "@example.com";
		createUser(name);

		EntityExchangeResult<byte[]> forKnown = request(known).expectStatus().isAccepted().expectBody().returnResult();
		EntityExchangeResult<byte[]> forUnknown = request(unknown).expectStatus().isAccepted().expectBody().returnResult();
		assertThat(forKnown.getResponseBody()).isEqualTo(forUnknown.getResponseBody());
		assertThat(forKnown.getResponseHeaders().getContentType())
			.isEqualTo(forUnknown.getResponseHeaders().getContentType());

		assertThat(TestMailServer.await(known, "reset your password").text()).contains("/console/password-reset?token=");
		assertThat(TestMailServer.afterAWhile(unknown)).isEmpty();
	}

	@Test
	void theLinkSetsANewPasswordOnceEndsEverySessionAndTheUserIsTold() {
		String name = unique("forgot");
		String email = name + "@example.com";
		createUser(name);
		SignedIn before = signIn(name, PASSWORD);
		request(email.toUpperCase()).expectStatus().isAccepted();
		String token = TestMailServer.await(email, "reset your password").token();

		complete(token, "weak").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:password-policy");
		complete(token, "Remembered-Now-4").expectStatus().isNoContent();

		before.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		anonymous().post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", name, "password", PASSWORD)).exchange().expectStatus().isUnauthorized();
		signIn(name, "Remembered-Now-4").client().get().uri("/api/v1/me").exchange()
			.expectBody().jsonPath("$.emailVerified").isEqualTo(true);
		complete(token, "Third-Time-Lucky-5").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:link-invalid");
		Mail notice = TestMailServer.await(email, "your password was changed");
		assertThat(notice.text()).contains("reset link").doesNotContain("Remembered-Now-4");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'user.password.reset'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void anExpiredLinkIsRefusedAndADeactivatedUserGetsNoLink() {
		String name = unique("slow");
		String email = name + "@example.com";
		String id = (String) createUser(name).get("id");
		request(email).expectStatus().isAccepted();
		String token = TestMailServer.await(email, "reset your password").token();
		jdbc.sql("UPDATE users_link SET expires_at = expires_at - INTERVAL '2' HOUR WHERE user_id = CAST(? AS UUID)")
			.param(id).update();
		complete(token, "Too-Late-Now-6").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:link-expired");
		signIn(name, PASSWORD);

		admin().post().uri("/api/v1/users/{id}/deactivate", id).exchange().expectStatus().isOk();
		request(email).expectStatus().isAccepted();
		assertThat(TestMailServer.afterAWhile(email)).filteredOn(mail -> mail.subject().contains("reset"))
			.hasSize(1);
	}

	@Test
	void requestsAreLimitedPerAddressKnownOrNotAndPerClient() {
		String unknown = unique("flood") + "@example.com";
		for (int i = 0; i < 5; i++) {
			request(unknown).expectStatus().isAccepted();
		}
		request(unknown).expectStatus().isEqualTo(429)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:too-many-requests");

		jdbc.sql("DELETE FROM users_reset_request").update();
		try {
			for (int i = 0; i < 20; i++) {
				request(unique("many") + "@example.com").expectStatus().isAccepted();
			}
			request(unique("many") + "@example.com").expectStatus().isEqualTo(429);
		}
		finally {
			// the other tests come from the same address
			jdbc.sql("DELETE FROM users_reset_request").update();
		}
	}

	@Test
	void changingOwnPasswordIsNotifiedByMail() {
		String name = unique("notice");
		createUser(name);
		signIn(name, PASSWORD).client().post().uri("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", PASSWORD, "newPassword", "Changed-By-Me-7")).exchange()
			.expectStatus().isNoContent();
		assertThat(TestMailServer.await(name + "@example.com", "your password was changed").text())
			.contains("by you").doesNotContain("Changed-By-Me-7");
	}

	@Test
	void aPasswordSetByAnyOtherPathEndsThePendingResetLink() {
		// the user's own change
		String own = unique("ownchange");
		createUser(own);
		String ownToken = pendingReset(own);
		signIn(own, PASSWORD).client().post().uri("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", PASSWORD, "newPassword", "Changed-By-Me-7")).exchange()
			.expectStatus().isNoContent();
		complete(ownToken, "Someone-Else-9").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:link-invalid");

		// an administrator's
		String set = unique("adminset");
		Object setId = createUser(set).get("id");
		String setToken = pendingReset(set);
		admin().put().uri("/api/v1/users/{id}/password", setId).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("password", "Set-By-Admin-7", "confirmPassword", "Set-By-Admin-7")).exchange()
			.expectStatus().isNoContent();
		complete(setToken, "Someone-Else-9").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:link-invalid");

		// a temporary one
		String temporary = unique("tempset");
		Object temporaryId = createUser(temporary).get("id");
		String temporaryToken = pendingReset(temporary);
		admin().post().uri("/api/v1/users/{id}/temporary-password", temporaryId).exchange().expectStatus().isOk();
		complete(temporaryToken, "Someone-Else-9").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:link-invalid");
		signIn(set, "Set-By-Admin-7");
		signIn(own, "Changed-By-Me-7");
	}

	/** Asks for a reset link for the user and returns its token, unused. */
	private String pendingReset(String name) {
		String email = name + "@example.com";
		request(email).expectStatus().isAccepted();
		return TestMailServer.await(email, "reset your password").token();
	}

	private RestTestClient.ResponseSpec request(String email) {
		return anonymous().post().uri("/api/v1/password-resets").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email)).exchange();
	}

	private RestTestClient.ResponseSpec complete(String token, String password) {
		return anonymous().post().uri("/api/v1/password-resets/complete").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", token, "password", password)).exchange();
	}
}
