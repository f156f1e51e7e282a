package io.gatehouse.api.security;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.shared.Actor;
import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.Totp;
import io.gatehouse.tokens.TokenManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two instance settings aimed at System Administrators: MFA required for them, and an instance-wide allowlist
 * (here 203.0.113.0/24) they must satisfy on top of their own.
 */
class SystemAdministratorPolicyIntegrationTests extends ApiIntegrationTest {

	private static final String OFFICE = "203.0.113.";

	@DynamicPropertySource
	static void policy(DynamicPropertyRegistry registry) {
		registry.add("gatehouse.mfa.required", () -> "system-administrators");
		registry.add("gatehouse.allowlist.system-administrators", () -> OFFICE + "0/24");
	}

	@Autowired
	private TokenManagement tokens;

	@Autowired
	private AccessControl access;

	/** The shared administrator, from the office, with a token made directly: its password sign-in must enrol first. */
	@Override
	protected RestTestClient admin() {
		UUID id = jdbc.sql("SELECT id FROM users_account WHERE username_normalized = 'admin'").query(UUID.class).single();
		String token = tokens.create(new Actor(id, ADMIN, null, null, null), unique("policy"), null, false).secret();
		return withTokenFrom(token, OFFICE + "1");
	}

	@Test
	void systemAdministratorsAreHeldToTheInstanceAllowlistOthersAreNot() {
		UUID id = jdbc.sql("SELECT id FROM users_account WHERE username_normalized = 'admin'").query(UUID.class).single();
		String token = tokens.create(new Actor(id, ADMIN, null, null, null), unique("where"), null, false).secret();
		withTokenFrom(token, OFFICE + "9").get().uri("/api/v1/users").exchange().expectStatus().isOk();
		withTokenFrom(token, "198.51.100.9").get().uri("/api/v1/me").exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("address-not-allowed");

		String name = unique("plain");
		createUser(name);
		signIn(name, PASSWORD, "198.51.100.9").client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
	}

	@Test
	void aSystemAdministratorWithoutMfaMustEnrolBeforeAnythingElse() {
		String name = unique("sysadm");
		Map<String, Object> user = createUser(name);
		access.grantSystemAdministrator(Actor.system(), UUID.fromString((String) user.get("id")));

		SignedIn browser = signIn(name, PASSWORD, OFFICE + "20");
		assertThat(browser.body).containsEntry("mfaEnrolmentRequired", true);
		browser.client().get().uri("/api/v1/users").exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("mfa-enrolment-required");
		browser.client().post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "escape")).exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("mfa-enrolment-required");
		browser.client().get().uri("/api/v1/me/mfa").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.required").isEqualTo(true).jsonPath("$.totpEnrolled").isEqualTo(false);

		String secret = (String) browser.client().post().uri("/api/v1/me/mfa/totp").exchange()
			.expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("secret");
		browser.client().post().uri("/api/v1/me/mfa/totp/confirm").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("code", Totp.code(secret, Instant.now()))).exchange().expectStatus().isOk();
		// the same session is a full one now
		browser.client().get().uri("/api/v1/users").exchange().expectStatus().isOk();

		// and the next sign-in asks for the second factor
		anonymousFrom(OFFICE + "20").post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", name, "password", PASSWORD)).exchange()
			.expectStatus().isAccepted()
			.expectBody().jsonPath("$.step").isEqualTo("second-factor");
	}

	@Test
	void otherUsersMayGoWithoutMfa() {
		String name = unique("user");
		createUser(name);
		SignedIn browser = signIn(name, PASSWORD, "198.51.100.30");
		assertThat(browser.body).containsEntry("mfaEnrolmentRequired", false);
		browser.client().get().uri("/api/v1/me/tokens").exchange().expectStatus().isOk();
	}
}
