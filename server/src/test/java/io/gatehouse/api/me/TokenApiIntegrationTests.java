package io.gatehouse.api.me;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.tokens.TokenFormat;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class TokenApiIntegrationTests extends ApiIntegrationTest {

	@Test
	void showsATokenOnceAndNeverAgain() {
		String name = unique("tok");
		createUser(name);
		SignedIn browser = signIn(name, PASSWORD);
		Map<String, Object> created = browser.client().post().uri("/api/v1/me/tokens")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "laptop"))
			.exchange()
			.expectStatus().isCreated()
			.expectHeader().valueMatches("Cache-Control", ".*no-store.*")
			.expectBody(JSON).returnResult().getResponseBody();
		String secret = (String) created.get("token");
		assertThat(secret).startsWith("gh_pat_").hasSize(56);
		assertThat(TokenFormat.isWellFormed(secret)).isTrue();
		assertThat(Instant.parse((String) created.get("expiresAt")))
			.isCloseTo(Instant.now().plus(90, ChronoUnit.DAYS), within(60));

		browser.client().get().uri("/api/v1/me/tokens").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[0].name").isEqualTo("laptop")
			.jsonPath("$[0].prefix").isEqualTo(secret.substring(0, 12))
			.jsonPath("$[0].token").doesNotExist();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM tokens_personal WHERE secret_hash = ?").param(secret)
			.query(Long.class).single()).as("stored only as a hash").isZero();

		withToken(secret).get().uri("/api/v1/me").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.username").isEqualTo(name);
		withToken(secret).get().uri("/api/v1/me/tokens").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[0].lastUsedAt").isNotEmpty();
	}

	private static org.assertj.core.data.TemporalUnitOffset within(long seconds) {
		return org.assertj.core.api.Assertions.within(seconds, ChronoUnit.SECONDS);
	}

	@Test
	void refusesLookAlikeRevokedAndExpiredTokens() {
		String name = unique("bad");
		createUser(name);
		String secret = signIn(name, PASSWORD).createToken("t");
		// one character changed: the checksum no longer matches
		String tampered = secret.substring(0, 20) + (secret.charAt(20) == 'a' ? 'b' : 'a') + secret.substring(21);
		withToken(tampered).get().uri("/api/v1/me").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueMatches("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		withToken("gh_pat_nonsense").get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();

		jdbc.sql("UPDATE tokens_personal SET expires_at = ? WHERE display_prefix = ?")
			.params(java.time.OffsetDateTime.now().minusMinutes(1), secret.substring(0, 12)).update();
		withToken(secret).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void revokingATokenStopsItAtOnce() {
		String name = unique("rev");
		createUser(name);
		SignedIn browser = signIn(name, PASSWORD);
		String secret = browser.createToken("ci");
		withToken(secret).get().uri("/api/v1/me").exchange().expectStatus().isOk();
		List<Map<String, Object>> tokens = browser.client().get().uri("/api/v1/me/tokens").exchange()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			}).returnResult().getResponseBody();
		browser.client().delete().uri("/api/v1/me/tokens/{id}", tokens.get(0).get("id")).exchange()
			.expectStatus().isNoContent();
		withToken(secret).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		browser.client().delete().uri("/api/v1/me/tokens/{id}", tokens.get(0).get("id")).exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.type").isEqualTo("urn:gatehouse:problem:token-not-found");
	}

	@Test
	void resetRevokesEveryTokenAndIssuesOneNew() {
		String name = unique("rst");
		createUser(name);
		SignedIn browser = signIn(name, PASSWORD);
		String first = browser.createToken("one");
		String second = browser.createToken("two");
		Map<String, Object> fresh = withToken(first).post().uri("/api/v1/me/tokens/reset").exchange()
			.expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
		withToken(first).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		withToken(second).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		withToken((String) fresh.get("token")).get().uri("/api/v1/me/tokens").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(1);
	}

	@Test
	void validatesNameAndExpiry() {
		String name = unique("val");
		createUser(name);
		String token = signIn(name, PASSWORD).createToken("base");
		postToken(token, Map.of("name", " ")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
		postToken(token, Map.of("name", "past", "expiresAt", Instant.now().minusSeconds(5).toString()))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].rule").isEqualTo("future");
		postToken(token, Map.of("name", "far", "expiresAt", Instant.now().plus(400, ChronoUnit.DAYS).toString()))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].rule").isEqualTo("max-lifetime");
		postToken(token, Map.of("name", "forever", "neverExpires", true))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].rule").isEqualTo("not-allowed");
		postToken(token, Map.of("name", "typo", "expiresAt", "tomorrow"))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("expiresAt");
		postToken(token, Map.of("name", "chosen", "expiresAt", Instant.now().plus(7, ChronoUnit.DAYS).toString()))
			.expectStatus().isCreated();
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec postToken(String token,
			Map<String, Object> body) {
		return withToken(token).post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange();
	}

	@Test
	void administratorsListAndRevokeAnyonesTokensButUsersCannot() {
		String name = unique("adm");
		Map<String, Object> user = createUser(name);
		String secret = signIn(name, PASSWORD).createToken("theirs");
		List<Map<String, Object>> tokens = admin().get().uri("/api/v1/users/{id}/tokens", user.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			}).returnResult().getResponseBody();
		assertThat(tokens).hasSize(1);
		assertThat(tokens.get(0)).doesNotContainKey("token");

		String otherName = unique("oth");
		createUser(otherName);
		String other = signIn(otherName, PASSWORD).createToken("nosy");
		withToken(other).get().uri("/api/v1/users/{id}/tokens", user.get("id")).exchange()
			.expectStatus().isForbidden();
		withToken(other).delete().uri("/api/v1/users/{id}/tokens/{t}", user.get("id"), tokens.get(0).get("id"))
			.exchange().expectStatus().isForbidden();
		withToken(other).delete().uri("/api/v1/me/tokens/{t}", tokens.get(0).get("id"))
			.exchange().expectStatus().isNotFound();

		admin().delete().uri("/api/v1/users/{id}/tokens/{t}", user.get("id"), tokens.get(0).get("id")).exchange()
			.expectStatus().isEqualTo(HttpStatus.NO_CONTENT);
		withToken(secret).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		assertThat(jdbc.sql("SELECT action FROM audit_event WHERE target_id = ? ORDER BY occurred_at")
			.param(tokens.get(0).get("id").toString()).query(String.class).list())
			.containsExactly("token.created", "token.revoked");
		assertThat(UUID.fromString((String) tokens.get(0).get("id"))).isNotNull();
	}
}
