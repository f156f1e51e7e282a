package io.gatehouse.api.security;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's sessions: where they are signed in, ending one, all the others, or (an administrator) all. */
class SessionManagementIntegrationTests extends ApiIntegrationTest {

	@Test
	void listsTheSessionsWithTheirAddressAndUserAgent() {
		String name = unique("list");
		createUser(name);
		SignedIn laptop = signInWithAgent(name, "203.0.113.10", "Laptop/1.0");
		SignedIn phone = signInWithAgent(name, "2001:db8::10", "Phone/2.0");
		List<Map<String, Object>> sessions = laptop.client().get().uri("/api/v1/me/sessions").exchange()
			.expectStatus().isOk()
			.expectBody(LIST).returnResult().getResponseBody();
		assertThat(sessions).hasSize(2);
		Map<String, Object> current = sessions.stream().filter(s -> Boolean.TRUE.equals(s.get("current"))).findFirst().orElseThrow();
		assertThat(current).containsEntry("clientAddress", "203.0.113.10").containsEntry("userAgent", "Laptop/1.0")
			.containsKeys("createdAt", "lastSeenAt", "expiresAt", "id");
		assertThat(sessions).anySatisfy(s -> assertThat(s).containsEntry("clientAddress", "2001:db8:0:0:0:0:0:10")
			.containsEntry("userAgent", "Phone/2.0").containsEntry("current", false));
		assertThat(sessions.toString()).doesNotContain(laptop.session).doesNotContain(phone.session);
	}

	@Test
	void revokingOneSessionTakesEffectAtOnce() {
		String name = unique("one");
		createUser(name);
		SignedIn laptop = signIn(name, PASSWORD, uniqueAddress());
		SignedIn phone = signIn(name, PASSWORD, uniqueAddress());
		phone.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
		String phoneId = sessionIdOther(laptop);
		laptop.client().delete().uri("/api/v1/me/sessions/{id}", phoneId).exchange().expectStatus().isNoContent();
		phone.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		laptop.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
		// another user's session id is not yours to end, nor to learn about
		String other = unique("other");
		createUser(other);
		SignedIn stranger = signIn(other, PASSWORD, uniqueAddress());
		stranger.client().delete().uri("/api/v1/me/sessions/{id}", currentId(laptop)).exchange().expectStatus().isNotFound();
		laptop.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
	}

	@Test
	void signsOutEverywhereElse() {
		String name = unique("others");
		createUser(name);
		SignedIn keep = signIn(name, PASSWORD, uniqueAddress());
		SignedIn a = signIn(name, PASSWORD, uniqueAddress());
		SignedIn b = signIn(name, PASSWORD, uniqueAddress());
		keep.client().delete().uri("/api/v1/me/sessions").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.revoked").isEqualTo(2);
		a.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		b.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		keep.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
	}

	@Test
	void anAdministratorEndsAllOfAUsersSessions() {
		String name = unique("adm");
		Map<String, Object> user = createUser(name);
		SignedIn a = signIn(name, PASSWORD, uniqueAddress());
		SignedIn b = signIn(name, PASSWORD, uniqueAddress());
		admin().get().uri("/api/v1/users/{id}/sessions", user.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(2);
		String token = a.createToken("t");
		withToken(token).delete().uri("/api/v1/users/{id}/sessions", user.get("id")).exchange().expectStatus().isForbidden();
		admin().delete().uri("/api/v1/users/{id}/sessions", user.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.revoked").isEqualTo(2);
		a.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		b.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'session.revoked' AND target_id = ? AND details LIKE '%revoked-by-admin%'")
			.param(user.get("id").toString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void lastSeenIsWrittenAtMostOnceAMinuteAndIdleSessionsEnd() {
		String name = unique("seen");
		createUser(name);
		SignedIn browser = signIn(name, PASSWORD, "203.0.113.20");
		UUID id = UUID.fromString(currentId(browser));
		OffsetDateTime signedIn = lastSeen(id);
		browser.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
		assertThat(lastSeen(id)).as("no write for a request within the minute").isEqualTo(signedIn);

		OffsetDateTime twoMinutesAgo = OffsetDateTime.now().minusMinutes(2).truncatedTo(ChronoUnit.MILLIS);
		jdbc.sql("UPDATE auth_session SET last_seen_at = ? WHERE id = ?").params(twoMinutesAgo, id).update();
		browser.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
		assertThat(lastSeen(id)).isAfter(twoMinutesAgo.plusMinutes(1));

		jdbc.sql("UPDATE auth_session SET last_seen_at = ? WHERE id = ?").params(OffsetDateTime.now().minusMinutes(31), id).update();
		browser.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
	}

	/**
	 * At the shortest idle timeout a session used every 45 seconds lives on: its last-seen is written often enough
	 * (a tenth of the idle timeout) that it never lags a use by the timeout. Time passing is simulated by moving
	 * last-seen back by what the client waited.
	 */
	@Test
	void aSessionInUseOutlivesTheShortestIdleTimeout() {
		String name = unique("busy");
		createUser(name);
		SignedIn browser = signIn(name, PASSWORD, uniqueAddress());
		UUID id = UUID.fromString(currentId(browser));
		admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sessionIdleTimeout", "1m")).exchange().expectStatus().isOk();
		try {
			for (int use = 1; use <= 4; use++) {
				jdbc.sql("UPDATE auth_session SET last_seen_at = ? WHERE id = ?")
					.params(lastSeen(id).minusSeconds(45), id).update();
				browser.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
			}
			// and one left alone for the timeout (and the write interval on top) ends
			jdbc.sql("UPDATE auth_session SET last_seen_at = ? WHERE id = ?")
				.params(OffsetDateTime.now().minusSeconds(67), id).update();
			browser.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		}
		finally {
			Map<String, Object> back = new java.util.HashMap<>();
			back.put("sessionIdleTimeout", null);
			admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON).body(back).exchange()
				.expectStatus().isOk();
		}
	}

	@Test
	void sessionsEndAtTheAbsoluteTimeoutHoweverBusy() {
		String name = unique("abs");
		createUser(name);
		SignedIn browser = signIn(name, PASSWORD, uniqueAddress());
		jdbc.sql("UPDATE auth_session SET expires_at = ? WHERE id = ?")
			.params(OffsetDateTime.now().minusSeconds(1), UUID.fromString(currentId(browser))).update();
		browser.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
	}

	private static final org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>> LIST =
			new org.springframework.core.ParameterizedTypeReference<>() {
			};

	private OffsetDateTime lastSeen(UUID id) {
		return jdbc.sql("SELECT last_seen_at FROM auth_session WHERE id = ?").param(id).query(OffsetDateTime.class).single();
	}

	private SignedIn signInWithAgent(String name, String address, String agent) {
		return signIn(name, PASSWORD, address, agent);
	}

	private String currentId(SignedIn browser) {
		return browser.client().get().uri("/api/v1/me/sessions").exchange()
			.expectBody(LIST).returnResult().getResponseBody().stream()
			.filter(s -> Boolean.TRUE.equals(s.get("current"))).map(s -> (String) s.get("id")).findFirst().orElseThrow();
	}

	private String sessionIdOther(SignedIn browser) {
		return browser.client().get().uri("/api/v1/me/sessions").exchange()
			.expectBody(LIST).returnResult().getResponseBody().stream()
			.filter(s -> !Boolean.TRUE.equals(s.get("current"))).map(s -> (String) s.get("id")).findFirst().orElseThrow();
	}
}
