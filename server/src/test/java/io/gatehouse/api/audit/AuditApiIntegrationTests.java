package io.gatehouse.api.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/audit-events}: filters, keyset paging newest first, problems naming the field, audit:read. */
class AuditApiIntegrationTests extends ApiIntegrationTest {

	@Test
	void filtersByTargetActionActorAndOutcomeNewestFirst() {
		Map<String, Object> user = createUser(unique("aud"));
		Object id = user.get("id");
		deactivateAndReactivate(id);

		List<Map<String, Object>> all = items(admin(), "targetId=" + id);
		assertThat(all).extracting(e -> e.get("action"))
			.containsExactly("user.reactivated", "user.deactivated", "user.created");
		Map<String, Object> created = all.get(2);
		assertThat(created.get("actor")).isEqualTo(Map.of("id", jdbcAdminId(), "username", ADMIN));
		assertThat(created.get("target")).isEqualTo(Map.of("type", "user", "id", id));
		assertThat(created.get("outcome")).isEqualTo("success");
		assertThat(created.get("occurredAt")).isNotNull();

		assertThat(items(admin(), "targetId=" + id + "&action=user.deactivated")).extracting(e -> e.get("action"))
			.containsExactly("user.deactivated");
		assertThat(items(admin(), "targetId=" + id + "&action=user.*")).hasSize(3);
		assertThat(items(admin(), "targetId=" + id + "&action=token.*")).isEmpty();
		assertThat(items(admin(), "targetId=" + id + "&targetType=user&actor=" + ADMIN)).hasSize(3);
		assertThat(items(admin(), "targetId=" + id + "&actor=" + jdbcAdminId())).hasSize(3);
		assertThat(items(admin(), "targetId=" + id + "&actor=nobody-at-all")).isEmpty();
		assertThat(items(admin(), "targetId=" + id + "&outcome=failure")).isEmpty();
		assertThat(items(admin(), "targetId=" + id + "&from=" + Instant.now().plus(1, ChronoUnit.HOURS))).isEmpty();
		assertThat(items(admin(), "targetId=" + id + "&to=" + Instant.now().minus(1, ChronoUnit.HOURS))).isEmpty();
	}

	@Test
	void aFailedSignInIsFoundByOutcomeWithItsDetails() {
		Map<String, Object> user = createUser(unique("fail"));
		anonymousFrom(uniqueAddress()).post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", user.get("username"), "password", "wrong-Password-1"))
			.exchange().expectStatus().isUnauthorized();
		List<Map<String, Object>> failures = items(admin(),
				"targetId=" + user.get("id") + "&action=auth.sign-in&outcome=failure");
		assertThat(failures).hasSize(1);
		assertThat(failures.get(0).get("details")).isEqualTo(Map.of("login", user.get("username"), "result", "wrong-password"));
	}

	@Test
	void pagesFollowTheCursorWithoutGapsOrRepeats() {
		Map<String, Object> user = createUser(unique("page"));
		Object id = user.get("id");
		for (int i = 0; i < 3; i++) {
			deactivateAndReactivate(id);
		}
		List<Map<String, Object>> everything = items(admin(), "targetId=" + id);
		assertThat(everything).hasSize(7);

		List<Object> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Map<String, Object> page = page(admin(), "targetId=" + id + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
			assertThat(items).hasSizeLessThanOrEqualTo(2);
			items.forEach(item -> paged.add(item.get("id")));
			cursor = (String) page.get("nextCursor");
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isEqualTo(4);
		assertThat(paged).containsExactlyElementsOf(everything.stream().map(e -> e.get("id")).toList());
		List<String> times = everything.stream().map(e -> (String) e.get("occurredAt")).toList();
		assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
	}

	@Test
	void badFiltersAreProblemsNamingTheField() {
		problem("outcome=maybe", "outcome");
		problem("from=yesterday", "from");
		problem("to=2026-13-01T00:00:00Z", "to");
		problem("limit=0", "limit");
		problem("limit=many", "limit");
		problem("cursor=not-a-cursor", "cursor");
		problem("action=user.%25", "action");
		problem("from=2026-11-22T10:00:00Z&to=2026-11-22T09:00:00Z", "to");
	}

	@Test
	void aUserWithoutAuditReadIsRefused() {
		Map<String, Object> user = createUser(unique("noaud"));
		String token = signIn((String) user.get("username"), PASSWORD).createToken("t");
		withToken(token).get().uri("/api/v1/audit-events").exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		anonymous().get().uri("/api/v1/audit-events").exchange().expectStatus().isUnauthorized();
	}

	private void problem(String query, String field) {
		admin().get().uri("/api/v1/audit-events?" + query).exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
	}

	private void deactivateAndReactivate(Object id) {
		admin().post().uri("/api/v1/users/{id}/deactivate", id).exchange().expectStatus().is2xxSuccessful();
		admin().post().uri("/api/v1/users/{id}/reactivate", id).exchange().expectStatus().is2xxSuccessful();
	}

	private String jdbcAdminId() {
		return jdbc.sql("SELECT id FROM users_account WHERE username = ?").param(ADMIN).query(String.class).single();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> items(RestTestClient client, String query) {
		return (List<Map<String, Object>>) page(client, query).get("items");
	}

	private Map<String, Object> page(RestTestClient client, String query) {
		return client.get().uri("/api/v1/audit-events?" + query).exchange()
			.expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
	}
}
