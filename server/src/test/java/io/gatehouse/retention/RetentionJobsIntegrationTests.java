package io.gatehouse.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention jobs delete what is past its period and nothing younger, each job runs on one node per interval, and
 * the periods are runtime settings. Rows are written straight into the tables with the ages to test.
 */
class RetentionJobsIntegrationTests extends ApiIntegrationTest {

	@Autowired
	private RetentionJobs jobs;

	@BeforeEach
	void everyJobDue() {
		jdbc.sql("DELETE FROM jobs_lease").update();
	}

	@AfterEach
	void settingsBackToDefaults() {
		Map<String, Object> reset = new HashMap<>();
		for (String name : List.of("deliveredMailRetention", "signInRecordRetention", "expiredRetention",
				"auditRetention")) {
			reset.put(name, null);
		}
		patchSettings(reset);
		jdbc.sql("DELETE FROM jobs_lease").update();
	}

	@Test
	void deliveredMailGoesAfterItsPeriodAndMailStillDueStays() {
		UUID oldSent = mail("SENT", days(31));
		UUID oldFailed = mail("FAILED", days(40));
		UUID recentSent = mail("SENT", days(29));
		UUID oldPending = mail("PENDING", days(90));

		jobs.runDue(Instant.now());

		assertThat(exists("mail_outbox", oldSent)).isFalse();
		assertThat(exists("mail_outbox", oldFailed)).isFalse();
		assertThat(exists("mail_outbox", recentSent)).isTrue();
		assertThat(exists("mail_outbox", oldPending)).isTrue();
	}

	@Test
	void signInRecordsAreKeptAYearByDefaultAndAsLongAsTheSettingSays() {
		UUID yearAndADay = signInRecord(days(366));
		UUID halfAYear = signInRecord(days(180));

		jobs.runDue(Instant.now());
		assertThat(exists("auth_sign_in", yearAndADay)).isFalse();
		assertThat(exists("auth_sign_in", halfAYear)).isTrue();

		patchSettings(Map.of("signInRecordRetention", "90d"));
		jdbc.sql("DELETE FROM jobs_lease").update();
		jobs.runDue(Instant.now());
		assertThat(exists("auth_sign_in", halfAYear)).isFalse();
	}

	@Test
	void auditEventsAreKeptForeverUnlessAPeriodIsSet() {
		UUID ancient = auditEvent(days(3000));
		UUID recent = auditEvent(days(1));

		jobs.runDue(Instant.now());
		assertThat(exists("audit_event", ancient)).isTrue();

		patchSettings(Map.of("auditRetention", "2000d"));
		jdbc.sql("DELETE FROM jobs_lease").update();
		assertThat(jobs.runDue(Instant.now())).containsKey(RetentionJobs.AUDIT_EVENTS);
		assertThat(exists("audit_event", ancient)).isFalse();
		assertThat(exists("audit_event", recent)).isTrue();
	}

	@Test
	void expiredSessionsChallengesAndLinksGoAfterThePeriod() {
		UUID user = UUID.fromString((String) createUser(unique("ret")).get("id"));
		UUID oldSession = session(user, days(31));
		UUID freshlyExpiredSession = session(user, days(2));
		UUID oldChallenge = challenge(user, days(31));
		UUID oldLink = link(user, "PASSWORD_RESET", days(31));
		UUID recentLink = link(user, "PASSWORD_RESET", days(3));

		jobs.runDue(Instant.now());

		assertThat(exists("auth_session", oldSession)).isFalse();
		assertThat(exists("auth_session", freshlyExpiredSession)).isTrue();
		assertThat(exists("auth_mfa_challenge", oldChallenge)).isFalse();
		assertThat(exists("users_link", oldLink)).isFalse();
		assertThat(exists("users_link", recentLink)).isTrue();
	}

	@Test
	void anExpiredInvitationShowsAsExpiredCanBeResentAndIsCancelledAfterThePeriod() {
		String recentlyExpired = invite();
		String longExpired = invite();
		expireInvitation(recentlyExpired, days(2));
		expireInvitation(longExpired, days(31));

		admin().get().uri("/api/v1/invitations").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[?(@.id == '" + recentlyExpired + "')].expired").isEqualTo(List.of(true));
		String page = signIn(ADMIN, ADMIN_PASSWORD, uniqueAddress()).client().get().uri("/console/invitations")
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		String email = (String) admin().get().uri("/api/v1/users/{id}", recentlyExpired).exchange()
			.expectBody(JSON).returnResult().getResponseBody().get("email");
		Matcher row = Pattern
			.compile("data-email=\"" + Pattern.quote(email) + "\"(.*?)</tr>", Pattern.DOTALL)
			.matcher(page);
		assertThat(row.find()).as("the invitation's row").isTrue();
		assertThat(row.group(1)).contains(">Expired</strong>");

		jobs.runDue(Instant.now());

		admin().get().uri("/api/v1/invitations").exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '" + recentlyExpired + "')].expired").isEqualTo(List.of(true))
			.jsonPath("$[?(@.id == '" + longExpired + "')]").isEmpty();
		admin().get().uri("/api/v1/users/{id}", longExpired).exchange().expectStatus().isNotFound();

		admin().post().uri("/api/v1/invitations/{id}/resend", recentlyExpired).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.expired").isEqualTo(false);
	}

	@Test
	void aSecondNodeFindsTheJobsAlreadyRun() {
		assertThat(jobs.runDue(Instant.now())).isNotEmpty();
		assertThat(jobs.runDue(Instant.now())).isEmpty();
	}

	@Test
	void retentionSettingsAreValidated() {
		admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("deliveredMailRetention", "1h", "auditRetention", "sometimes")).exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'deliveredMailRetention')].rule").isEqualTo(List.of("range"))
			.jsonPath("$.errors[?(@.field == 'auditRetention')].rule").isEqualTo(List.of("type"));
		admin().get().uri("/api/v1/settings").exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.auditRetention").isEqualTo("forever")
			.jsonPath("$.signInRecordRetention").isEqualTo("PT8760H");
	}

	private void patchSettings(Map<String, Object> changes) {
		admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON).body(changes).exchange()
			.expectStatus().isOk();
	}

	private String invite() {
		return (String) admin().post().uri("/api/v1/invitations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", unique("inv") + "@example.com", "groups", List.of(testUsersGroup())))
			.exchange()
			.expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("id");
	}

	private void expireInvitation(String id, OffsetDateTime at) {
		jdbc.sql("UPDATE users_invitation SET expires_at = ? WHERE user_id = ?").params(at, UUID.fromString(id))
			.update();
		jdbc.sql("UPDATE users_link SET expires_at = ? WHERE user_id = ?").params(at, UUID.fromString(id)).update();
	}

	private static OffsetDateTime days(int ago) {
		return OffsetDateTime.now(ZoneOffset.UTC).minusDays(ago);
	}

	private boolean exists(String table, UUID id) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = ?").param(id).query(Long.class).single() == 1;
	}

	private UUID mail(String status, OffsetDateTime at) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO mail_outbox (id, recipient, recipient_normalized, template_name, subject, status, attempts,
				  next_attempt_at, created_at, sent_at, version)
				VALUES (?, 'old@example.com', 'old@example.com', 'test', 'Old', ?, 1, ?, ?, ?, 0)""")
			// a pending mail is due in the future, so the outbox of the test server leaves it alone
			.params(id, status, status.equals("PENDING") ? OffsetDateTime.now().plusDays(1) : at, at,
					status.equals("SENT") ? at : null)
			.update();
		return id;
	}

	private UUID signInRecord(OffsetDateTime at) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO auth_sign_in (id, user_id, login, occurred_at, client_ip, outcome) VALUES (?, NULL, 'x', ?, NULL, 'FAILED')")
			.params(id, at)
			.update();
		return id;
	}

	private UUID auditEvent(OffsetDateTime at) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO audit_event (id, occurred_at, action, target_type, outcome) VALUES (?, ?, 'test.old', 'test', 'SUCCESS')")
			.params(id, at)
			.update();
		return id;
	}

	private UUID session(UUID user, OffsetDateTime expiredAt) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO auth_session (id, secret_hash, user_id, created_at, last_seen_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id, id.toString(), user, expiredAt.minusHours(12), expiredAt.minusHours(1), expiredAt)
			.update();
		return id;
	}

	private UUID challenge(UUID user, OffsetDateTime expiredAt) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO auth_mfa_challenge (id, secret_hash, user_id, created_at, expires_at, failures)
				VALUES (?, ?, ?, ?, ?, 0)""")
			.params(id, id.toString(), user, expiredAt.minusMinutes(5), expiredAt)
			.update();
		return id;
	}

	private UUID link(UUID user, String purpose, OffsetDateTime expiredAt) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO users_link (id, user_id, purpose, secret_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id, user, purpose, id.toString(), expiredAt.minusHours(1), expiredAt)
			.update();
		return id;
	}
}
