package io.gatehouse.api.session;

import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class SignInIntegrationTests extends ApiIntegrationTest {

	@Test
	void signsInWithUsernameOrEmailAndSetsAHardenedCookie() {
		String name = unique("sign");
		createUser(name);
		SignedIn byName = signIn(name, PASSWORD);
		SignedIn byEmail = signIn(name.toUpperCase() + "@EXAMPLE.com", PASSWORD);
		assertThat(byName.session).isNotEqualTo(byEmail.session);
		String cookie = byName.setCookies.stream().filter(c -> c.startsWith("GATEHOUSE_SESSION=")).findFirst().orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
		byName.client().get().uri("/api/v1/me").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.username").isEqualTo(name);
	}

	@Test
	void answersTheSameForUnknownUserWrongPasswordAndDeactivatedUser() {
		String name = unique("enum");
		Map<String, Object> user = createUser(name);
		String deactivated = unique("gone");
		Map<String, Object> other = createUser(deactivated);
		admin().post().uri("/api/v1/users/{id}/deactivate", other.get("id")).exchange().expectStatus().isOk();

		String unknown = failedSignIn("nobody-" + name, PASSWORD);
		String wrongPassword = failedSignIn(name, "Wrong-Password-1");
		String inactive = failedSignIn(deactivated, PASSWORD);
		assertThat(unknown).isEqualTo(wrongPassword).isEqualTo(inactive);

		List<String> outcomes = jdbc.sql("SELECT outcome FROM auth_sign_in WHERE login IN (?, ?, ?) ORDER BY occurred_at")
			.params("nobody-" + name, name, deactivated)
			.query(String.class)
			.list();
		assertThat(outcomes).containsExactly("unknown-login", "wrong-password", "inactive");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.sign-in' AND outcome = 'failure' AND target_id = ?")
			.param(user.get("id").toString()).query(Long.class).single()).isEqualTo(1);
	}

	private String failedSignIn(String login, String password) {
		return anonymous().post().uri("/api/v1/session")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", login, "password", password))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().doesNotExist("Set-Cookie")
			.expectBody(String.class).returnResult().getResponseBody();
	}

	@Test
	void recordsSignInsAsActivityAndAudit() {
		String name = unique("act");
		Map<String, Object> user = createUser(name);
		admin().get().uri("/api/v1/users/{id}/activity", user.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.lastLoginAt").doesNotExist()
			.jsonPath("$.loginsLast7Days").isEqualTo(0);
		signIn(name, PASSWORD);
		signIn(name, PASSWORD);
		admin().get().uri("/api/v1/users/{id}/activity", user.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.lastLoginAt").isNotEmpty()
			.jsonPath("$.loginsLast7Days").isEqualTo(2)
			.jsonPath("$.loginsLast30Days").isEqualTo(2)
			.jsonPath("$.loginsLastYear").isEqualTo(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.sign-in' AND outcome = 'success' AND target_id = ?")
			.param(user.get("id").toString()).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void countsOlderSignInsInTheLongerWindowsOnly() {
		String name = unique("old");
		Map<String, Object> user = createUser(name);
		java.util.UUID id = java.util.UUID.fromString((String) user.get("id"));
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		for (Object[] row : new Object[][] { { 10, 3 }, { 100, 5 }, { 400, 7 } }) {
			jdbc.sql("INSERT INTO users_login_day (user_id, login_date, logins) VALUES (?, ?, ?)")
				.params(id, today.minusDays((Integer) row[0]), row[1]).update();
		}
		admin().get().uri("/api/v1/users/{id}/activity", id).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.loginsLast7Days").isEqualTo(0)
			.jsonPath("$.loginsLast30Days").isEqualTo(3)
			.jsonPath("$.loginsLastYear").isEqualTo(8);
	}

	@Test
	void listsDormantUsers() {
		String tag = unique("dorm").toLowerCase();
		Map<String, Object> dormant = createUser(tag + "a");
		createUser(tag + "b");
		signIn(tag + "b", PASSWORD);
		jdbc.sql("UPDATE users_account SET last_login_at = ?, created_at = ? WHERE id = ?")
			.params(java.time.OffsetDateTime.now().minusDays(120), java.time.OffsetDateTime.now().minusDays(400),
					java.util.UUID.fromString((String) dormant.get("id")))
			.update();
		admin().get().uri("/api/v1/users?q={q}&dormantDays=90", tag).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.items.length()").isEqualTo(1)
			.jsonPath("$.items[0].username").isEqualTo(tag + "a");
	}

	@Test
	void requiresTheCsrfTokenForCookieWritesButNotForTokens() {
		String name = unique("csrf");
		createUser(name);
		SignedIn browser = signIn(name, PASSWORD);
		browser.cookieOnly().post().uri("/api/v1/me/tokens")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "forged"))
			.exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:csrf-token-invalid");
		browser.cookieOnly().get().uri("/api/v1/me").exchange().expectStatus().isOk();
		String token = browser.createToken("real");
		withToken(token).post().uri("/api/v1/me/tokens")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "by-token"))
			.exchange()
			.expectStatus().isCreated();
	}

	@Test
	void acceptsOnlyJsonAtSignIn() {
		anonymous().post().uri("/api/v1/session")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("login=admin&password=x")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void signOutEndsTheSession() {
		String name = unique("out");
		createUser(name);
		SignedIn browser = signIn(name, PASSWORD);
		RestTestClient client = browser.client();
		client.delete().uri("/api/v1/session").exchange()
			.expectStatus().isNoContent()
			.expectHeader().value("Set-Cookie", value -> assertThat(value).contains("Max-Age=0"));
		client.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void refusesAForgedSessionCookie() {
		RestTestClient forged = org.springframework.test.web.servlet.client.RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.defaultHeader("Cookie", "GATEHOUSE_SESSION=not-a-real-session")
			.build();
		forged.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
	}
}
