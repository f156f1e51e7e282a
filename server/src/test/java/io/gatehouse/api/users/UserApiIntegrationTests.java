package io.gatehouse.api.users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class UserApiIntegrationTests extends ApiIntegrationTest {

	@Test
	void createsAUserWithLocationAndETag() {
		String name = unique("ada");
		admin().post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", name, "email", name + "@Example.com", "firstName", "Ada", "lastName", "Lovelace",
					"department", "Engineering", "timeZone", "Europe/London", "groups", List.of(testUsersGroup())))
			.exchange()
			.expectStatus().isCreated()
			.expectHeader().valueMatches("Location", "/api/v1/users/[0-9a-f-]{36}")
			.expectHeader().valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.username").isEqualTo(name)
			.jsonPath("$.email").isEqualTo(name + "@Example.com")
			.jsonPath("$.firstName").isEqualTo("Ada")
			.jsonPath("$.department").isEqualTo("Engineering")
			.jsonPath("$.timeZone").isEqualTo("Europe/London")
			.jsonPath("$.status").isEqualTo("active")
			.jsonPath("$.active").isEqualTo(true)
			.jsonPath("$.source").isEqualTo("internal")
			.jsonPath("$.roles").isArray()
			.jsonPath("$.password").doesNotExist();
	}

	@Test
	void infersAUniqueUsernameFromTheEmail() {
		String local = unique("grace.");
		Map<String, Object> first = createUser(Map.of("email", local + "@one.example"));
		Map<String, Object> second = createUser(Map.of("email", local.toUpperCase() + "@two.example"));
		Map<String, Object> third = createUser(Map.of("email", local + "@three.example"));
		assertThat(first.get("username")).isEqualTo(local);
		assertThat(second.get("username")).isEqualTo(local + "2");
		assertThat(third.get("username")).isEqualTo(local + "3");
	}

	@Test
	void refusesADuplicateEmailWhateverItsCase() {
		String name = unique("dup");
		createUser(name);
		admin().post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", name.toUpperCase() + "@EXAMPLE.COM", "groups", List.of(testUsersGroup())))
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONFLICT)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:gatehouse:problem:email-taken")
			.jsonPath("$.errors[0].field").isEqualTo("email")
			.jsonPath("$.errors[0].rule").isEqualTo("unique");
	}

	@Test
	void refusesADuplicateUsernameWhateverItsCase() {
		String name = unique("case");
		createUser(name);
		admin().post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", name.toUpperCase(), "email", unique("other") + "@example.com", "groups",
					List.of(testUsersGroup())))
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:gatehouse:problem:username-taken")
			.jsonPath("$.errors[0].field").isEqualTo("username");
	}

	@Test
	void namesEveryInvalidFieldAndItsRule() {
		admin().post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", "-bad name", "email", "not-an-email", "timeZone", "Mars/Olympus"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:gatehouse:problem:validation-failed")
			.jsonPath("$.errors[?(@.field == 'email')].rule").isEqualTo(List.of("email"))
			.jsonPath("$.errors[?(@.field == 'username')].rule").isEqualTo(List.of("pattern"))
			.jsonPath("$.errors[?(@.field == 'timeZone')].rule").isEqualTo(List.of("time-zone"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users_account WHERE email = 'not-an-email'").query(Long.class).single())
			.as("nothing half-written").isZero();
	}

	@Test
	void requiresAnEmail() {
		admin().post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", unique("noemail")))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("email")
			.jsonPath("$.errors[0].rule").isEqualTo("required");
	}

	@Test
	void refusesAnUnknownFieldByName() {
		admin().post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", unique("u") + "@example.com", "isAdmin", true))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("isAdmin")
			.jsonPath("$.errors[0].rule").isEqualTo("unknown-field");
	}

	@Test
	void locksTheUsernameAfterCreation() {
		Map<String, Object> user = createUser(unique("locked"));
		admin().patch()
			.uri("/api/v1/users/{id}", user.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", "renamed"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("username")
			.jsonPath("$.errors[0].rule").isEqualTo("immutable");
		// repeating the current username is not a change
		admin().patch()
			.uri("/api/v1/users/{id}", user.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", user.get("username"), "department", "Ops"))
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.department").isEqualTo("Ops");
	}

	@Test
	void patchesWithOptimisticConcurrency() {
		Map<String, Object> user = createUser(unique("etag"));
		Object id = user.get("id");
		admin().patch()
			.uri("/api/v1/users/{id}", id)
			.header("If-Match", "\"1\"")
			.contentType(MediaType.valueOf("application/merge-patch+json"))
			.body(Map.of("firstName", "First"))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("ETag", "\"2\"")
			.expectBody().jsonPath("$.firstName").isEqualTo("First");
		// a second writer still holding version 1 loses, and their change is not applied
		admin().patch()
			.uri("/api/v1/users/{id}", id)
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("firstName", "Stale"))
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED)
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:version-mismatch");
		admin().get().uri("/api/v1/users/{id}", id).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("ETag", "\"2\"")
			.expectBody().jsonPath("$.firstName").isEqualTo("First");
	}

	@Test
	void clearsAFieldPatchedToNull() {
		Map<String, Object> user = createUser(Map.of("email", unique("clear") + "@example.com", "department", "Sales"));
		Map<String, Object> patch = new HashMap<>();
		patch.put("department", null);
		admin().patch()
			.uri("/api/v1/users/{id}", user.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(patch)
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.department").doesNotExist();
	}

	@Test
	void refusesStatusChangesThroughPatch() {
		Map<String, Object> user = createUser(unique("status"));
		admin().patch()
			.uri("/api/v1/users/{id}", user.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("active", false))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("active")
			.jsonPath("$.errors[0].rule").isEqualTo("read-only");
	}

	@Test
	void answersNotFoundForAnUnknownUser() {
		admin().get().uri("/api/v1/users/00000000-0000-0000-0000-000000000042").exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:user-not-found");
	}

	@Test
	void searchesAnywhereInUsernameEmailNamesAndFullName() {
		String tag = unique("srch").toLowerCase();
		createUser(Map.of("username", "a-" + tag + "-one", "email", unique("a") + "@example.com"));
		createUser(Map.of("username", unique("b"), "email", "two@" + tag + ".example.com"));
		createUser(Map.of("username", unique("c"), "email", unique("c") + "@example.com", "firstName", "Pre" + tag + "Three"));
		createUser(Map.of("username", unique("d"), "email", unique("d") + "@example.com", "lastName", "X" + tag.toUpperCase() + "four"));
		createUser(Map.of("username", unique("e"), "email", unique("e") + "@example.com"));
		admin().get().uri("/api/v1/users?q={q}", tag.toUpperCase()).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.items.length()").isEqualTo(4)
			.jsonPath("$.items[0].lastLoginAt").doesNotExist()
			.jsonPath("$.items[0].roles").isArray()
			.jsonPath("$.nextCursor").doesNotExist();
		// the full name as typed, first and last together, with a run of spaces between them
		admin().get().uri("/api/v1/users?q={q}", "pre" + tag + "three   x" + tag + "four").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.items.length()").isEqualTo(0);
		createUser(Map.of("username", unique("f"), "email", unique("f") + "@example.com", "firstName", "Ada" + tag,
				"lastName", "Lovelace"));
		admin().get().uri("/api/v1/users?q={q}", "DA" + tag + "   love").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.items.length()").isEqualTo(1)
			.jsonPath("$.items[0].firstName").isEqualTo("Ada" + tag);
		// a first name of two words, and a text whose letters are the full name's but whose spaces are elsewhere
		createUser(Map.of("username", unique("g"), "email", unique("g") + "@example.com", "firstName", "Mary " + tag,
				"lastName", "Vance"));
		admin().get().uri("/api/v1/users?q={q}", "ry " + tag + " va").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.items.length()").isEqualTo(1)
			.jsonPath("$.items[0].lastName").isEqualTo("Vance");
		admin().get().uri("/api/v1/users?q={q}", "ada" + tag + "lo ve").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.items.length()").isEqualTo(0);
	}

	@Test
	void treatsLikeWildcardsInTheQueryAsText() {
		admin().get().uri("/api/v1/users?q=%25").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.items.length()").isEqualTo(0);
	}

	@Test
	void pagesThroughEveryMatchOnceWithKeysetCursors() {
		String tag = unique("page").toLowerCase();
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			created.add((String) createUser(Map.of("username", tag + i, "email", tag + i + "@example.com")).get("username"));
		}
		for (String sort : List.of("username", "-username", "email", "createdAt", "-createdAt", "lastLoginAt")) {
			List<String> seen = new ArrayList<>();
			String cursor = null;
			do {
				Map<String, Object> page = admin().get()
					.uri(cursor == null ? "/api/v1/users?q={q}&limit=3&sort={s}" : "/api/v1/users?q={q}&limit=3&sort={s}&cursor={c}",
							tag, sort, cursor)
					.exchange()
					.expectStatus().isOk()
					.expectBody(JSON).returnResult().getResponseBody();
				@SuppressWarnings("unchecked")
				List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
				items.forEach(item -> seen.add((String) item.get("username")));
				cursor = (String) page.get("nextCursor");
			}
			while (cursor != null);
			assertThat(seen).as("sort " + sort).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
			if (sort.equals("username")) {
				assertThat(seen).isSorted();
			}
		}
	}

	@Test
	void refusesACursorMadeForAnotherSort() {
		String tag = unique("cur").toLowerCase();
		for (int i = 0; i < 3; i++) {
			createUser(Map.of("username", tag + i, "email", tag + i + "@example.com"));
		}
		Map<String, Object> page = admin().get().uri("/api/v1/users?q={q}&limit=1", tag).exchange()
			.expectBody(JSON).returnResult().getResponseBody();
		admin().get().uri("/api/v1/users?q={q}&limit=1&sort=email&cursor={c}", tag, page.get("nextCursor")).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
	}

	@Test
	void filtersByStatusAndRefusesAnUnknownOne() {
		String tag = unique("flt").toLowerCase();
		createUser(Map.of("username", tag + "a", "email", tag + "a@example.com"));
		createUser(Map.of("username", tag + "b", "email", tag + "b@example.com", "active", false));
		admin().get().uri("/api/v1/users?q={q}&status=deactivated", tag).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.items.length()").isEqualTo(1)
			.jsonPath("$.items[0].username").isEqualTo(tag + "b")
			.jsonPath("$.items[0].active").isEqualTo(false);
		admin().get().uri("/api/v1/users?status=sleeping").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
		admin().get().uri("/api/v1/users?limit=0").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
	}

	@Test
	void onlyASystemAdministratorManagesUsers() {
		String name = unique("plain");
		createUser(name);
		String token = signIn(name, PASSWORD).createToken("mine");
		withToken(token).get().uri("/api/v1/users").exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:forbidden");
		withToken(token).post().uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", unique("x") + "@example.com"))
			.exchange()
			.expectStatus().isForbidden();
		anonymous().get().uri("/api/v1/users").exchange()
			.expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:unauthenticated");
	}

	@Test
	void writesAnAuditEventForEveryChange() {
		Map<String, Object> user = createUser(unique("audited"));
		admin().patch().uri("/api/v1/users/{id}", user.get("id"))
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("lastName", "Changed"))
			.exchange().expectStatus().isOk();
		List<String> actions = jdbc.sql("SELECT action FROM audit_event WHERE target_id = ? ORDER BY occurred_at")
			.param(user.get("id").toString()).query(String.class).list();
		assertThat(actions).containsExactly("user.created", "user.updated");
		Map<String, Object> row = jdbc.sql("SELECT actor_username, outcome, client_ip FROM audit_event WHERE target_id = ? AND action = 'user.created'")
			.param(user.get("id").toString()).query().singleRow();
		assertThat(row).containsEntry("actor_username", ADMIN).containsEntry("outcome", "success");
		assertThat(row.get("client_ip")).isNotNull();
	}

	@Test
	void meShowsAnEditAtOnceThoughTheAccountIsCachedForAuthentication() {
		String name = unique("cached");
		Map<String, Object> user = createUser(name);
		var token = withToken(signIn(name, PASSWORD).createToken("t"));
		token.get().uri("/api/v1/me").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.displayName").doesNotExist();
		admin().patch().uri("/api/v1/users/{id}", user.get("id")).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("displayName", "Renamed")).exchange().expectStatus().isOk();
		token.get().uri("/api/v1/me").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.displayName").isEqualTo("Renamed");
	}
}
