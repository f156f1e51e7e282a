package io.gatehouse.api.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.Totp;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret given again inside a session (the current password, an authenticator or recovery code) is held to the
 * sign-in throttle: the same counts per account and address, the same waits and lock, and a right answer refused
 * while they last. With the default limits: 3 free failures, then waits of 1 s and more, a lock after 10. Waiting is
 * simulated by moving the stored next-attempt time into the past.
 */
class ReverificationThrottleIntegrationTests extends ApiIntegrationTest {

	@Test
	void wrongCurrentPasswordsOnAPasswordChangeWaitThenLockAndCountForSignInToo() {
		String name = unique("rechange");
		Map<String, Object> user = createUser(name);
		String key = "account:" + user.get("id");
		SignedIn browser = signIn(name, PASSWORD, uniqueAddress());
		for (int failure = 1; failure <= 10; failure++) {
			changePassword(browser.clientFrom(uniqueAddress()), "Wrong-Password-1").expectStatus().isBadRequest()
				.expectBody().jsonPath("$.errors[0].field").isEqualTo("currentPassword");
			if (failure == 3) {
				// the fourth answer comes too soon: even the right one waits, as at sign-in
				changePassword(browser.clientFrom(uniqueAddress()), PASSWORD).expectStatus().isEqualTo(429)
					.expectHeader().valueEquals("Retry-After", "1")
					.expectBody().jsonPath("$.code").isEqualTo("too-many-attempts");
				signInAttempt(name, PASSWORD, uniqueAddress()).expectStatus().isEqualTo(429);
			}
			if (failure >= 3) {
				passTime(key);
			}
		}

		// locked: the right password is refused here and at sign-in, and the lock is audited
		changePassword(browser.clientFrom(uniqueAddress()), PASSWORD).expectStatus().isEqualTo(429);
		signInAttempt(name, PASSWORD, uniqueAddress()).expectStatus().isEqualTo(429);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.locked' AND target_id = ?")
			.param(user.get("id").toString()).query(Long.class).single()).isEqualTo(1);

		admin().delete().uri("/api/v1/users/{id}/sign-in-lock", user.get("id")).exchange().expectStatus().isNoContent();
		changePassword(browser.clientFrom(uniqueAddress()), PASSWORD).expectStatus().isNoContent();
	}

	@Test
	void wrongCurrentPasswordsOnAnEmailChangeAreThrottled() {
		String name = unique("remail");
		createUser(name);
		SignedIn browser = signIn(name, PASSWORD, uniqueAddress());
		for (int failure = 1; failure <= 3; failure++) {
			changeEmail(browser.clientFrom(uniqueAddress()), "Wrong-Password-1").expectStatus().isBadRequest()
				.expectBody().jsonPath("$.errors[0].field").isEqualTo("currentPassword");
		}
		changeEmail(browser.clientFrom(uniqueAddress()), PASSWORD).expectStatus().isEqualTo(429)
			.expectHeader().exists("Retry-After");
	}

	@Test
	void wrongCodesDoNotRemoveASecondFactorOnceThrottledNorLocked() {
		String name = unique("remfa");
		Map<String, Object> user = createUser(name);
		String key = "account:" + user.get("id");
		SignedIn browser = signIn(name, PASSWORD, uniqueAddress());
		String secret = enrol(browser);
		for (int failure = 1; failure <= 10; failure++) {
			removeMfa(browser, Map.of("code", wrong(Totp.nextCode(secret)))).expectStatus().isBadRequest()
				.expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
			if (failure == 3) {
				removeMfa(browser, Map.of("code", Totp.nextCode(secret))).expectStatus().isEqualTo(429)
					.expectHeader().exists("Retry-After");
			}
			if (failure >= 3) {
				passTime(key);
			}
		}
		removeMfa(browser, Map.of("code", Totp.nextCode(secret))).expectStatus().isEqualTo(429);
		browser.client().get().uri("/api/v1/me/mfa").exchange().expectBody().jsonPath("$.totpEnrolled").isEqualTo(true);

		admin().delete().uri("/api/v1/users/{id}/sign-in-lock", user.get("id")).exchange().expectStatus().isNoContent();
		removeMfa(browser, Map.of("code", Totp.nextCode(secret))).expectStatus().isNoContent();
	}

	@Test
	void wrongCodesForNewRecoveryCodesAreThrottledAndARecoveryCodeAlsoProves() {
		String name = unique("recodes");
		createUser(name);
		SignedIn browser = signIn(name, PASSWORD, uniqueAddress());
		List<String> recoveryCodes = enrolWithCodes(browser);

		newRecoveryCodes(browser, Map.of("recoveryCode", recoveryCodes.get(0))).expectStatus().isOk();
		for (int failure = 1; failure <= 3; failure++) {
			newRecoveryCodes(browser, Map.of("recoveryCode", "AAAA-BBBB-CCCC-DDDD")).expectStatus().isBadRequest()
				.expectBody().jsonPath("$.errors[0].field").isEqualTo("recoveryCode");
		}
		newRecoveryCodes(browser, Map.of("code", "123456")).expectStatus().isEqualTo(429)
			.expectHeader().exists("Retry-After");
	}

	private RestTestClient.ResponseSpec changePassword(RestTestClient client, String current) {
		return client.post().uri("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", current, "newPassword", "Brand-New-Secret-8"))
			.exchange();
	}

	private RestTestClient.ResponseSpec changeEmail(RestTestClient client, String current) {
		return client.post().uri("/api/v1/me/email").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", unique("moved") + "@example.com", "currentPassword", current))
			.exchange();
	}

	private RestTestClient.ResponseSpec removeMfa(SignedIn browser, Map<String, Object> proof) {
		return browser.clientFrom(uniqueAddress()).method(HttpMethod.DELETE).uri("/api/v1/me/mfa")
			.contentType(MediaType.APPLICATION_JSON).body(proof).exchange();
	}

	private RestTestClient.ResponseSpec newRecoveryCodes(SignedIn browser, Map<String, Object> proof) {
		return browser.clientFrom(uniqueAddress()).post().uri("/api/v1/me/mfa/recovery-codes")
			.contentType(MediaType.APPLICATION_JSON).body(proof).exchange();
	}

	private RestTestClient.ResponseSpec signInAttempt(String login, String password, String address) {
		return anonymousFrom(address).post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", login, "password", password)).exchange();
	}

	private String enrol(SignedIn browser) {
		String secret = startEnrolment(browser);
		confirm(browser, secret);
		return secret;
	}

	private List<String> enrolWithCodes(SignedIn browser) {
		return confirm(browser, startEnrolment(browser));
	}

	private String startEnrolment(SignedIn browser) {
		return (String) browser.client().post().uri("/api/v1/me/mfa/totp").exchange().expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("secret");
	}

	@SuppressWarnings("unchecked")
	private List<String> confirm(SignedIn browser, String secret) {
		return (List<String>) browser.client().post().uri("/api/v1/me/mfa/totp/confirm")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("code", Totp.code(secret, Instant.now())))
			.exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody().get("recoveryCodes");
	}

	private void passTime(String key) {
		jdbc.sql("UPDATE auth_throttle SET next_attempt_at = ? WHERE throttle_key = ?")
			.params(OffsetDateTime.now().minusSeconds(1), key).update();
	}

	/** A six-digit code that is certainly not this one. */
	private static String wrong(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}
}
