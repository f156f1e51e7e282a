package io.gatehouse.api.users;

import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** "Add people": accounts by email, temporary passwords shown once, failures per email. */
class BatchAccountsIntegrationTests extends ApiIntegrationTest {

	@Test
	void createsTheValidAccountsReportsEachFailureAndTheTemporaryPasswordForcesAChange() {
		String inferred = unique("grace");
		String named = unique("named");
		String taken = unique("taken");
		createUser(taken);
		List<Map<String, Object>> accounts = List.of(Map.of("email", inferred + "@example.com"),
				Map.of("email", "not-an-email"), Map.of("email", taken + "@example.com"),
				Map.of("email", unique("n") + "@example.com", "username", named));

		Map<String, Object> result = batch(accounts, false).expectStatus().isOk()
			.expectHeader().valueMatches("Cache-Control", ".*no-store.*")
			.expectBody(JSON).returnResult().getResponseBody();

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> created = (List<Map<String, Object>>) result.get("created");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> failed = (List<Map<String, Object>>) result.get("failed");
		assertThat(created).extracting(c -> c.get("index")).containsExactly(0, 3);
		assertThat(failed).extracting(f -> f.get("index")).containsExactly(1, 2);
		assertThat(failed.get(0).get("email")).isEqualTo("not-an-email");
		assertThat(failed.get(0).get("code")).isEqualTo("validation-failed");
		assertThat(failed.get(1).get("code")).isEqualTo("email-taken");
		@SuppressWarnings("unchecked")
		Map<String, Object> first = (Map<String, Object>) created.get(0).get("user");
		assertThat(first.get("username")).isEqualTo(inferred);
		assertThat(first.get("mustChangePassword")).isEqualTo(true);
		@SuppressWarnings("unchecked")
		Map<String, Object> second = (Map<String, Object>) created.get(1).get("user");
		assertThat(second.get("username")).isEqualTo(named);

		String temporary = (String) created.get(0).get("temporaryPassword");
		assertThat(temporary).hasSize(20);
		SignedIn signedIn = signIn(inferred, temporary);
		assertThat(signedIn.body.get("mustChangePassword")).isEqualTo(true);
		signedIn.client().get().uri("/api/v1/users").exchange().expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:password-change-required");
		signedIn.client().post().uri("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", temporary, "newPassword", "Chosen-By-Me-8")).exchange()
			.expectStatus().isNoContent();
		signIn(inferred, "Chosen-By-Me-8");
		// the temporary password was never stored in clear
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users_account WHERE password_hash LIKE ?").param("%" + temporary + "%")
			.query(Long.class).single()).isZero();
	}

	@Test
	void anAtomicBatchWithAFailureCreatesNothing() {
		String valid = unique("atomic");
		batch(List.of(Map.of("email", valid + "@example.com"), Map.of("email", "broken@")), true)
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:gatehouse:problem:batch-failed")
			.jsonPath("$.errors[0].field").isEqualTo("accounts[1].email")
			.jsonPath("$.errors[0].rule").isEqualTo("email");
		admin().get().uri("/api/v1/users?q=" + valid).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.items").isEmpty();
		// the same batch without the bad line goes through
		batch(List.of(Map.of("email", valid + "@example.com")), true).expectStatus().isOk()
			.expectBody().jsonPath("$.created[0].user.username").isEqualTo(valid);
	}

	@Test
	void twoLinesWithTheSameEmailMakeOneAccount() {
		String email = unique("dup") + "@example.com";
		batch(List.of(Map.of("email", email), Map.of("email", email.toUpperCase())), false).expectStatus().isOk()
			.expectBody()
			.jsonPath("$.created.length()").isEqualTo(1)
			.jsonPath("$.failed[0].index").isEqualTo(1)
			.jsonPath("$.failed[0].code").isEqualTo("email-taken");
	}

	@Test
	void refusesAnEmptyBatchAndCallersWithoutThePermission() {
		batch(List.of(), false).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("accounts");
		String name = unique("nobody");
		createUser(name);
		signIn(name, PASSWORD).client().post().uri("/api/v1/users/batch").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("accounts", List.of(Map.of("email", unique("x") + "@example.com")), "groups",
					List.of(testUsersGroup()))).exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void everyAccountOfABatchGetsItsRolesAndNeedsOne() {
		String email = unique("viewer") + "@example.com";
		admin().post().uri("/api/v1/users/batch").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("accounts", List.of(Map.of("email", email)), "bindings",
					List.of(Map.of("roleId", "00000000-0000-0000-0000-0000000000a4"))))
			.exchange().expectStatus().isOk();
		String id = jdbc.sql("SELECT id FROM users_account WHERE email_normalized = ?").param(email.toLowerCase())
			.query(String.class).single();
		admin().get().uri("/api/v1/users/{id}", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.roles[0]").value((String label) -> assertThat(label).endsWith(": Viewer"));
		admin().post().uri("/api/v1/users/batch").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("accounts", List.of(Map.of("email", unique("bare") + "@example.com"))))
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.failed[0].errors[0].field").isEqualTo("bindings");
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec batch(
			List<Map<String, Object>> accounts, boolean atomic) {
		return admin().post().uri("/api/v1/users/batch").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("accounts", accounts, "atomic", atomic, "groups", List.of(testUsersGroup()))).exchange();
	}
}
