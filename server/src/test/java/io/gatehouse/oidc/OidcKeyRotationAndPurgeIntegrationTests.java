package io.gatehouse.oidc;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.gatehouse.shared.RandomSecrets;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing keys rotate with the old key still published while what it signed lives, and then withdrawn; and the
 * purge drops authorizations and spent refresh tokens nothing can use any more, and nothing else.
 */
@SuppressWarnings("unchecked")
class OidcKeyRotationAndPurgeIntegrationTests extends ApiIntegrationTest {

	@Autowired
	SigningKeys keys;

	@Autowired
	UserRevocations revocations;

	@Test
	void aNewKeySignsNewTokensWhileTheOldOneStaysPublishedUntilItsTokensExpire() {
		Map<String, Object> user = createUser(unique("rp-keys"));
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", true,
				List.of("authorization_code", "refresh_token", "client_credentials"), List.of("openid", "profile"));
		String before = signIn(app, user);
		String oldKid = kid(before);
		assertThat(publishedKids()).contains(oldKid);

		// the signing key is older than the rotation period (30 days): the job makes a new one
		jdbc.sql("UPDATE oidc_signing_key SET created_at = :past WHERE kid = :kid")
			.param("past", Timestamp.from(Instant.now().minus(Duration.ofDays(31)))).param("kid", oldKid).update();
		runNow("oidc.signing-keys");
		keys.rotate();
		String after = clientCredentials(app);
		String newKid = kid(after);
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(publishedKids()).contains(oldKid, newKid);
		// a token signed with the old key still checks out
		app.client().userinfo(before).expectStatus().isOk();
		assertThat(kid(signIn(app, user))).isEqualTo(newKid);

		// a day after its retirement (longer than any token it signed lives) the old key is withdrawn
		jdbc.sql("UPDATE oidc_signing_key SET retired_at = :past WHERE kid = :kid")
			.param("past", Timestamp.from(Instant.now().minus(Duration.ofDays(2)))).param("kid", oldKid).update();
		runNow("oidc.signing-keys");
		keys.rotate();
		assertThat(publishedKids()).contains(newKid).doesNotContain(oldKid);
		app.client().userinfo(before).expectStatus().isUnauthorized();
		assertThat(app.client().introspect(after)).containsEntry("active", true);
	}

	@Test
	void thePurgeDropsOnlyWhatNothingCanUseAnyMore() {
		Map<String, Object> user = createUser(unique("rp-purge"));
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", true,
				List.of("authorization_code", "refresh_token", "client_credentials"), List.of("openid"));
		String expired = clientCredentials(app);
		String live = clientCredentials(app);
		jdbc.sql("""
				UPDATE oauth2_authorization SET access_token_issued_at = :issued, access_token_expires_at = :past
				WHERE access_token_hash = :hash""")
			.param("issued", Timestamp.from(Instant.now().minus(Duration.ofHours(2))))
			.param("past", Timestamp.from(Instant.now().minus(Duration.ofHours(1))))
			.param("hash", RandomSecrets.hash(expired)).update();
		// a signed-in user whose access token expired but whose refresh token still works keeps the authorization
		Map<String, Object> tokens = codeFlow(app, user);
		String refresh = (String) tokens.get("refresh_token");
		jdbc.sql("""
				UPDATE oauth2_authorization SET access_token_issued_at = :issued, access_token_expires_at = :past,
				       authorization_code_issued_at = :issued, authorization_code_expires_at = :past
				WHERE refresh_token_hash = :hash""")
			.param("issued", Timestamp.from(Instant.now().minus(Duration.ofHours(2))))
			.param("past", Timestamp.from(Instant.now().minus(Duration.ofHours(1))))
			.param("hash", RandomSecrets.hash(refresh)).update();
		// a spent refresh token past its own expiry no longer needs remembering; one still within it does
		jdbc.sql("INSERT INTO oidc_spent_refresh_token (token_hash, authorization_id, expires_at) VALUES (:h, 'gone', :at)")
			.param("h", RandomSecrets.hash("spent-long-ago-" + unique("t"))).param("at", Timestamp.from(Instant.now().minusSeconds(60)))
			.update();
		String recent = RandomSecrets.hash("spent-recently-" + unique("t"));
		jdbc.sql("INSERT INTO oidc_spent_refresh_token (token_hash, authorization_id, expires_at) VALUES (:h, 'kept', :at)")
			.param("h", recent).param("at", Timestamp.from(Instant.now().plus(Duration.ofHours(1)))).update();

		runNow("oidc.purge-expired");
		revocations.purgeExpired();

		assertThat(count("oauth2_authorization", "access_token_hash", RandomSecrets.hash(expired))).isZero();
		assertThat(count("oauth2_authorization", "access_token_hash", RandomSecrets.hash(live))).isOne();
		assertThat(count("oauth2_authorization", "refresh_token_hash", RandomSecrets.hash(refresh))).isOne();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM oidc_spent_refresh_token WHERE expires_at < :now")
			.param("now", Timestamp.from(Instant.now())).query(Long.class).single()).isZero();
		assertThat(count("oidc_spent_refresh_token", "token_hash", recent)).isOne();
		assertThat(app.client().introspect(live)).containsEntry("active", true);
		app.client().refresh(refresh).expectStatus().isOk();
	}

	private long count(String table, String column, String value) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :v").param("v", value)
			.query(Long.class).single();
	}

	/** Frees the job's lease, as if its interval had passed. */
	private void runNow(String job) {
		jdbc.sql("UPDATE jobs_lease SET next_run_at = :past WHERE job_name = :job")
			.param("past", Timestamp.from(Instant.now().minus(Duration.ofDays(1)))).param("job", job).update();
	}

	private List<String> publishedKids() {
		Map<String, Object> jwks = anonymous().get().uri("/oauth2/jwks").exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
		return ((List<Map<String, Object>>) jwks.get("keys")).stream().map(key -> (String) key.get("kid")).toList();
	}

	private static String kid(String jwt) {
		Map<String, Object> header = JsonMapper.builder().build()
			.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), Map.class);
		return (String) header.get("kid");
	}

	private String clientCredentials(OidcApplications.Registered app) {
		return (String) app.client().token(Map.of("grant_type", "client_credentials")).expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody().get("access_token");
	}

	private String signIn(OidcApplications.Registered app, Map<String, Object> user) {
		return (String) codeFlow(app, user).get("access_token");
	}

	private Map<String, Object> codeFlow(OidcApplications.Registered app, Map<String, Object> user) {
		OidcBrowser browser = new OidcBrowser(port);
		String verifier = OidcClient.verifier();
		HttpResponse<String> back = browser.signIn(
				browser.open(app.client().authorizeUrl("openid", verifier, OidcClient.REDIRECT)),
				(String) user.get("username"), PASSWORD);
		return app.client().exchange(OidcClient.callback(back.headers().firstValue("Location").orElseThrow())
			.get("code"), verifier);
	}
}
