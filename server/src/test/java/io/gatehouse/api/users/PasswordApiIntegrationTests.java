package io.gatehouse.api.users;

import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordApiIntegrationTests extends ApiIntegrationTest {

	@ParameterizedTest(name = "{0} breaks {1}")
	@CsvSource({
			"Ab1!xyz, length",
			"Abcdefghij1!Abcdefghij1!Abcdefghij1!Abcdefghij1!Abcdefghij1!X, length",
			"abcdefg1!, uppercase",
			"ABCDEFG1!, lowercase",
			"Abcdefgh!, digit",
			"Abcdefgh1, special",
			"Password1, special",
	})
	void reportsEachBrokenRuleOfTheDefaultPolicy(String password, String rule) {
		Map<String, Object> user = createUser(unique("rule"));
		setPassword(user, password, password)
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:gatehouse:problem:password-policy")
			.jsonPath("$.errors[*].field").value((List<String> fields) -> assertThat(fields).containsOnly("password"))
			.jsonPath("$.errors[*].rule").value((List<String> rules) -> assertThat(rules).contains(rule));
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec setPassword(
			Map<String, Object> user, String password, String confirmPassword) {
		return admin().put().uri("/api/v1/users/{id}/password", user.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("password", password, "confirmPassword", confirmPassword))
			.exchange();
	}

	@Test
	void listsEveryBrokenRuleAtOnce() {
		Map<String, Object> user = createUser(unique("many"));
		setPassword(user, "abc", "abc")
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].rule").value((List<String> rules) -> assertThat(rules)
				.contains("length", "uppercase", "digit", "special"));
	}

	@Test
	void refusesACommonPasswordAndOneContainingTheUsernameOrEmail() {
		String name = unique("ident");
		Map<String, Object> user = createUser(name);
		String containsName = "X1!" + name;
		assertRule(user, containsName, "contains-username");
		assertRule(user, "P@ssw0rd", "common");
	}

	private void assertRule(Map<String, Object> user, String password, String rule) {
		setPassword(user, password, password)
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].rule").value((List<String> rules) -> assertThat(rules).contains(rule));
	}

	@Test
	void requiresAMatchingConfirmation() {
		Map<String, Object> user = createUser(unique("confirm"));
		setPassword(user, "Another-Pass-9", "Another-Pass-8")
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("confirmPassword")
			.jsonPath("$.errors[0].rule").isEqualTo("matches");
	}

	@Test
	void anAdministratorSetsAPasswordWithoutTheOldOneAndEndsTheUsersSessions() {
		String name = unique("reset");
		Map<String, Object> user = createUser(name);
		SignedIn before = signIn(name, PASSWORD);
		setPassword(user, "Fresh-Start-42", "Fresh-Start-42")
			.expectStatus().isNoContent();
		before.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		signIn(name, "Fresh-Start-42").client().get().uri("/api/v1/me").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.mustChangePassword").isEqualTo(false);
		String hash = jdbc.sql("SELECT password_hash FROM users_account WHERE username = ?").param(name)
			.query(String.class).single();
		assertThat(hash).startsWith("$argon2id$v=19$m=7168,t=5,p=1$").doesNotContain("Fresh-Start-42");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'user.password.set' AND target_id = ?")
			.param(user.get("id").toString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aTemporaryPasswordIsShownOnceAndForcesAChangeBeforeAnythingElse() {
		String name = unique("temp");
		Map<String, Object> user = createUser(name);
		Map<String, Object> issued = admin().post().uri("/api/v1/users/{id}/temporary-password", user.get("id"))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueMatches("Cache-Control", ".*no-store.*")
			.expectBody(JSON).returnResult().getResponseBody();
		String temporary = (String) issued.get("temporaryPassword");
		assertThat(temporary).hasSize(20);
		assertThat(issued.get("mustChangePassword")).isEqualTo(true);

		SignedIn first = signIn(name, temporary);
		assertThat(first.body.get("mustChangePassword")).isEqualTo(true);
		first.client().get().uri("/api/v1/users").exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:password-change-required");
		first.client().post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "sneaky")).exchange()
			.expectStatus().isForbidden();
		first.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();

		first.client().post().uri("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", temporary, "newPassword", "My-Own-Secret-5"))
			.exchange()
			.expectStatus().isNoContent();
		first.client().get().uri("/api/v1/me").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.mustChangePassword").isEqualTo(false);
		first.client().post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "now-allowed")).exchange()
			.expectStatus().isCreated();
		signIn(name, "My-Own-Secret-5");
	}

	@Test
	void changingOwnPasswordNeedsTheCurrentOneAndKeepsOnlyThisSession() {
		String name = unique("own");
		createUser(name);
		SignedIn here = signIn(name, PASSWORD);
		SignedIn elsewhere = signIn(name, PASSWORD);
		here.client().post().uri("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", "Not-The-One-1", "newPassword", "Brand-New-Pass-3"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:gatehouse:problem:current-password-invalid")
			.jsonPath("$.errors[0].field").isEqualTo("currentPassword");
		here.client().post().uri("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", PASSWORD, "newPassword", "short"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");
		here.client().post().uri("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", PASSWORD, "newPassword", "Brand-New-Pass-3"))
			.exchange()
			.expectStatus().isNoContent();
		here.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
		elsewhere.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void upgradesAnOutdatedHashAtSignIn() {
		String name = unique("upgrade");
		createUser(name);
		// a hash of PASSWORD made with cheaper parameters, as an older configuration would have stored it
		String cheap = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 1024, 2)
			.encode(PASSWORD);
		assertThat(cheap).startsWith("$argon2id$v=19$m=1024,t=2,p=1$");
		jdbc.sql("UPDATE users_account SET password_hash = ? WHERE username = ?").params(cheap, name).update();
		signIn(name, PASSWORD);
		assertThat(jdbc.sql("SELECT password_hash FROM users_account WHERE username = ?").param(name)
			.query(String.class).single()).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
		signIn(name, PASSWORD);
	}
}
