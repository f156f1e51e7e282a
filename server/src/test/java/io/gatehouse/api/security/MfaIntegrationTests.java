package io.gatehouse.api.security;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.Totp;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** TOTP enrolment and two-step sign-in, with codes computed by the test as an authenticator app would. */
class MfaIntegrationTests extends ApiIntegrationTest {

	@Test
	void enrolsWithAQrCodeAndAConfirmationCodeAndShowsRecoveryCodesOnce() {
		String name = unique("mfa");
		SignedIn browser = signIn(name(name), PASSWORD, uniqueAddress());
		Map<String, Object> enrolment = startEnrolment(browser);
		String secret = (String) enrolment.get("secret");
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat((String) enrolment.get("otpauthUri")).startsWith("otpauth://totp/")
			.contains("secret=" + secret).contains("issuer=Gatehouse");
		String qr = (String) enrolment.get("qrCode");
		assertThat(qr).startsWith("data:image/png;base64,");
		byte[] png = Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1));
		assertThat(new String(png, 1, 3)).isEqualTo("PNG");

		browser.client().post().uri("/api/v1/me/mfa/totp/confirm")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("code", wrong(Totp.code(secret, Instant.now()))))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
		List<String> codes = confirm(browser, secret);
		assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(code -> code.matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM mfa_recovery_code WHERE code_hash = ?").param(codes.get(0))
			.query(Long.class).single()).as("stored only hashed").isZero();
		assertThat(jdbc.sql("SELECT secret_ciphertext FROM mfa_totp mt JOIN users_account u ON u.id = mt.user_id WHERE u.username = ?")
			.param(name).query(String.class).single()).as("stored encrypted").doesNotContain(secret);

		browser.client().get().uri("/api/v1/me/mfa").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.totpEnrolled").isEqualTo(true)
			.jsonPath("$.recoveryCodesLeft").isEqualTo(10);
		// a second enrolment would silently replace the authenticator: refused
		browser.client().post().uri("/api/v1/me/mfa/totp").exchange().expectStatus().isEqualTo(409);
	}

	@Test
	void signInAsksForTheSecondFactorAfterThePassword() {
		String name = name(unique("two"));
		String address = uniqueAddress();
		String secret = enrol(signIn(name, PASSWORD, address));

		EntityExchangeResult<Map<String, Object>> first = passwordStep(name, PASSWORD, address);
		assertThat(first.getStatus().value()).isEqualTo(202);
		assertThat(first.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
		assertThat(first.getResponseBody()).containsEntry("step", "second-factor").doesNotContainKey("user");
		String challenge = (String) first.getResponseBody().get("challenge");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM auth_mfa_challenge WHERE secret_hash = ?").param(challenge)
			.query(Long.class).single()).as("stored only hashed").isZero();

		secondFactor(address, Map.of("challenge", challenge, "code", wrong(Totp.nextCode(secret))))
			.expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.code").isEqualTo("invalid-second-factor");
		String code = Totp.nextCode(secret);
		String session = sessionCookie(secondFactor(address, Map.of("challenge", challenge, "code", code))
			.expectStatus().isOk()
			.expectBody().jsonPath("$.user.username").isEqualTo(name)
			.returnResult());
		cookieClient(session, address).get().uri("/api/v1/me").exchange().expectStatus().isOk();

		// the challenge works once
		secondFactor(address, Map.of("challenge", challenge, "code", code))
			.expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.code").isEqualTo("mfa-challenge-invalid");
		// and so does each code: replayed on a fresh challenge it is refused
		String again = (String) passwordStep(name, PASSWORD, address).getResponseBody().get("challenge");
		secondFactor(address, Map.of("challenge", again, "code", code)).expectStatus().isUnauthorized();
		// a wrong password never reaches the second step
		assertThat(passwordStep(name, "Wrong-Password-1", address).getStatus().value()).isEqualTo(401);
	}

	@Test
	void recoveryCodesStandInForTheAuthenticatorOnceEach() {
		String name = name(unique("rec"));
		String address = uniqueAddress();
		SignedIn browser = signIn(name, PASSWORD, address);
		Map<String, Object> enrolment = startEnrolment(browser);
		List<String> codes = confirm(browser, (String) enrolment.get("secret"));

		String challenge = (String) passwordStep(name, PASSWORD, address).getResponseBody().get("challenge");
		// typed back in lower case without dashes: still the code
		secondFactor(address, Map.of("challenge", challenge, "recoveryCode", codes.get(3).replace("-", "").toLowerCase()))
			.expectStatus().isOk();
		String next = (String) passwordStep(name, PASSWORD, address).getResponseBody().get("challenge");
		secondFactor(address, Map.of("challenge", next, "recoveryCode", codes.get(3)))
			.expectStatus().isUnauthorized();
		secondFactor(address, Map.of("challenge", next, "recoveryCode", codes.get(4))).expectStatus().isOk();
		browser.client().get().uri("/api/v1/me/mfa").exchange()
			.expectBody().jsonPath("$.recoveryCodesLeft").isEqualTo(8);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'mfa.recovery-code.used' AND actor_username = ?")
			.param(name).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aChallengeIsGoneAfterFiveWrongCodes() {
		String name = name(unique("five"));
		String secret = enrol(signIn(name, PASSWORD, uniqueAddress()));
		String challenge = (String) passwordStep(name, PASSWORD, uniqueAddress()).getResponseBody().get("challenge");
		String key = "account:" + jdbc.sql("SELECT id FROM users_account WHERE username = ?").param(name)
			.query(java.util.UUID.class).single();
		for (int i = 0; i < 5; i++) {
			// from a new address each time, and the account's waits passed: only the challenge's own limit counts
			jdbc.sql("UPDATE auth_throttle SET next_attempt_at = ? WHERE throttle_key = ?")
				.params(java.time.OffsetDateTime.now().minusSeconds(1), key).update();
			secondFactor(uniqueAddress(), Map.of("challenge", challenge, "code", wrong(Totp.nextCode(secret))))
				.expectStatus().isUnauthorized();
		}
		jdbc.sql("DELETE FROM auth_throttle WHERE throttle_key = ?").param(key).update();
		secondFactor(uniqueAddress(), Map.of("challenge", challenge, "code", Totp.nextCode(secret)))
			.expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.code").isEqualTo("mfa-challenge-invalid");
	}

	@Test
	void anAdministratorResetsAUsersSecondFactor() {
		String name = name(unique("reset"));
		Map<String, Object> user = admin().get().uri("/api/v1/users?q={q}", name).exchange()
			.expectBody(JSON).returnResult().getResponseBody();
		String id = (String) ((List<Map<String, Object>>) user.get("items")).get(0).get("id");
		String address = uniqueAddress();
		enrol(signIn(name, PASSWORD, address));
		assertThat(passwordStep(name, PASSWORD, address).getStatus().value()).isEqualTo(202);
		admin().get().uri("/api/v1/users/{id}/mfa", id).exchange()
			.expectBody().jsonPath("$.totpEnrolled").isEqualTo(true);

		String plain = signIn(createUserReturningName(), PASSWORD).createToken("t");
		withToken(plain).delete().uri("/api/v1/users/{id}/mfa", id).exchange().expectStatus().isForbidden();
		admin().delete().uri("/api/v1/users/{id}/mfa", id).exchange().expectStatus().isNoContent();

		assertThat(passwordStep(name, PASSWORD, address).getStatus().value()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'mfa.reset' AND target_id = ?")
			.param(id).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM mfa_recovery_code WHERE user_id = CAST(? AS UUID)").param(id)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aUserRemovesTheirOwnSecondFactorOnlyWithACurrentCode() {
		String name = name(unique("rm"));
		String address = uniqueAddress();
		SignedIn browser = signIn(name, PASSWORD, address);
		String secret = enrol(browser);
		browser.client().method(org.springframework.http.HttpMethod.DELETE).uri("/api/v1/me/mfa")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("code", "000000"))
			.exchange().expectStatus().isBadRequest();
		browser.client().method(org.springframework.http.HttpMethod.DELETE).uri("/api/v1/me/mfa")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("code", Totp.nextCode(secret)))
			.exchange().expectStatus().isNoContent();
		assertThat(passwordStep(name, PASSWORD, address).getStatus().value()).isEqualTo(200);
	}

	private String name(String name) {
		createUser(name);
		return name;
	}

	private String createUserReturningName() {
		return name(unique("plain"));
	}

	private Map<String, Object> startEnrolment(SignedIn browser) {
		return browser.client().post().uri("/api/v1/me/mfa/totp").exchange()
			.expectStatus().isCreated()
			.expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody(JSON).returnResult().getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private List<String> confirm(SignedIn browser, String secret) {
		Map<String, Object> body = browser.client().post().uri("/api/v1/me/mfa/totp/confirm")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("code", Totp.code(secret, Instant.now())))
			.exchange()
			.expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
		return (List<String>) body.get("recoveryCodes");
	}

	private String enrol(SignedIn browser) {
		String secret = (String) startEnrolment(browser).get("secret");
		confirm(browser, secret);
		return secret;
	}

	private EntityExchangeResult<Map<String, Object>> passwordStep(String login, String password, String address) {
		return anonymousFrom(address).post().uri("/api/v1/session")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", login, "password", password))
			.exchange()
			.expectBody(JSON).returnResult();
	}

	private RestTestClient.ResponseSpec secondFactor(String address, Map<String, Object> body) {
		return anonymousFrom(address).post().uri("/api/v1/session/second-factor")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private static String sessionCookie(EntityExchangeResult<?> result) {
		return result.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(cookie -> cookie.startsWith("GATEHOUSE_SESSION="))
			.map(cookie -> cookie.substring("GATEHOUSE_SESSION=".length(), cookie.indexOf(';')))
			.findFirst().orElseThrow();
	}

	private RestTestClient cookieClient(String session, String address) {
		return RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.defaultHeader(HttpHeaders.COOKIE, "GATEHOUSE_SESSION=" + session)
			.defaultHeader("X-Forwarded-For", address)
			.build();
	}

	/** A six-digit code that is certainly not this one. */
	private static String wrong(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}
}
