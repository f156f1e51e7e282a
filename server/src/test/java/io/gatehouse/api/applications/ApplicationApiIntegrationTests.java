package io.gatehouse.api.applications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Registering applications: the secret shown once and kept hashed, true answers, checks, and who may. */
class ApplicationApiIntegrationTests extends ApiIntegrationTest {

	private Map<String, Object> register(RestTestClient client, Map<String, Object> body) {
		return client.post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
			.expectStatus().isEqualTo(HttpStatus.CREATED)
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody(JSON).returnResult().getResponseBody();
	}

	private static Map<String, Object> confidential(String name) {
		return Map.of("name", name, "type", "confidential", "redirectUris", List.of("https://app.example/cb"),
				"scopes", List.of("openid", "email"), "grantTypes",
				List.of("authorization_code", "refresh_token", "client_credentials"));
	}

	@Test
	void theSecretIsShownOnceAndKeptOnlyAsAHash() {
		Map<String, Object> created = register(admin(), confidential(unique("App")));
		String secret = (String) created.get("clientSecret");
		assertThat(secret).hasSize(43);
		assertThat(created).containsEntry("type", "confidential").containsEntry("firstParty", false)
			.containsEntry("accessTokenLifetimeSeconds", 300);
		Map<String, Object> read = admin().get().uri("/api/v1/applications/{id}", created.get("id")).exchange()
			.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		Map<String, Object> withoutSecret = new java.util.HashMap<>(created);
		withoutSecret.put("clientSecret", null);
		assertThat(read).isEqualTo(withoutSecret);
		String stored = jdbc.sql("SELECT client_secret FROM oauth2_registered_client WHERE id = ?")
			.param(created.get("id")).query(String.class).single();
		assertThat(stored).startsWith("sha256:").doesNotContain(secret);
		assertThat(admin().get().uri("/api/v1/applications").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody()).contains((String) created.get("clientId"))
			.doesNotContain(secret);
	}

	@Test
	void rotatingTheSecretWithoutOverlapStopsTheOldOneAtOnce() {
		Map<String, Object> created = register(admin(), confidential(unique("Rotating")));
		String clientId = (String) created.get("clientId");
		String old = (String) created.get("clientSecret");
		assertThat(clientCredentials(clientId, old)).isEqualTo(200);
		Map<String, Object> rotated = rotate(created, "0").expectStatus().isOk().expectBody(JSON).returnResult()
			.getResponseBody();
		String fresh = (String) rotated.get("clientSecret");
		assertThat(fresh).isNotEqualTo(old);
		assertThat(rotated.get("previousSecretExpiresAt")).isNull();
		assertThat(clientCredentials(clientId, old)).isEqualTo(401);
		assertThat(clientCredentials(clientId, fresh)).isEqualTo(200);
		assertThat(jdbc.sql("SELECT action FROM audit_event WHERE target_id = ? ORDER BY occurred_at")
			.param(created.get("id")).query(String.class).list())
			.containsSubsequence("application.created", "application.secret-rotated");
	}

	@Test
	void afterARotationTheOldSecretWorksForTheOverlapThenNot() throws InterruptedException {
		Map<String, Object> created = register(admin(), confidential(unique("Overlapping")));
		String clientId = (String) created.get("clientId");
		String first = (String) created.get("clientSecret");
		// by default the previous secret keeps working for a day
		Map<String, Object> rotated = rotate(created, null).expectStatus().isOk().expectBody(JSON).returnResult()
			.getResponseBody();
		Instant until = Instant.parse((String) rotated.get("previousSecretExpiresAt"));
		assertThat(until).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
		String second = (String) rotated.get("clientSecret");
		assertThat(clientCredentials(clientId, first)).isEqualTo(200);
		assertThat(clientCredentials(clientId, second)).isEqualTo(200);
		assertThat(clientCredentials(clientId, "a" + second)).isEqualTo(401);

		// a second rotation keeps only the secret it replaces: the first one stops now
		Instant asked = Instant.now();
		String third = (String) rotate(created, "2s").expectStatus().isOk().expectBody(JSON).returnResult()
			.getResponseBody().get("clientSecret");
		assertThat(clientCredentials(clientId, first)).isEqualTo(401);
		assertThat(clientCredentials(clientId, third)).isEqualTo(200);
		if (Duration.between(asked, Instant.now()).toMillis() < 1500) {
			assertThat(clientCredentials(clientId, second)).isEqualTo(200);
		}
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), asked.plusMillis(4000)).toMillis()));
		assertThat(clientCredentials(clientId, second)).isEqualTo(401);
		assertThat(clientCredentials(clientId, third)).isEqualTo(200);
		assertThat(jdbc.sql("SELECT details FROM audit_event WHERE target_id = ? AND action = 'application.secret-rotated'")
			.param(created.get("id")).query(String.class).list()).hasSize(2)
			.anySatisfy(details -> assertThat(details).contains("previousSecretExpiresAt", until.toString()));
	}

	@Test
	void anOverlapOutOfRangeOrNotADurationIsRefusedNamingIt() {
		Map<String, Object> created = register(admin(), confidential(unique("Overlap")));
		String secret = (String) created.get("clientSecret");
		for (String overlap : List.of("31d", "-1h", "soon")) {
			Map<String, Object> problem = rotate(created, overlap).expectStatus().isBadRequest().expectBody(JSON)
				.returnResult().getResponseBody();
			assertThat(problem.toString()).as(overlap).contains("overlap");
		}
		// nothing changed
		assertThat(clientCredentials((String) created.get("clientId"), secret)).isEqualTo(200);
	}

	private RestTestClient.ResponseSpec rotate(Map<String, Object> created, String overlap) {
		return admin().post().uri(uri -> {
			uri.path("/api/v1/applications/{id}/secret");
			if (overlap != null) {
				uri.queryParam("overlap", overlap);
			}
			return uri.build(created.get("id"));
		}).exchange();
	}

	@Test
	void anUpdateChangesWhatItNamesAndTheAnswerIsWhatAReadShows() {
		Map<String, Object> created = register(admin(), confidential(unique("Changing")));
		Map<String, Object> updated = admin().patch().uri("/api/v1/applications/{id}", created.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("firstParty", true, "scopes", List.of("openid", "profile", "groups")))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		assertThat(updated).containsEntry("firstParty", true).containsEntry("scopes", List.of("groups", "openid", "profile"))
			.containsEntry("name", created.get("name"));
		assertThat(admin().get().uri("/api/v1/applications/{id}", created.get("id")).exchange().expectBody(JSON)
			.returnResult().getResponseBody()).isEqualTo(updated);
		admin().patch().uri("/api/v1/applications/{id}", created.get("id")).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("type", "public")).exchange().expectStatus().isBadRequest();
		admin().delete().uri("/api/v1/applications/{id}", created.get("id")).exchange().expectStatus().isNoContent();
		admin().get().uri("/api/v1/applications/{id}", created.get("id")).exchange().expectStatus().isNotFound();
		assertThat(clientCredentials((String) created.get("clientId"), (String) created.get("clientSecret")))
			.isEqualTo(401);
	}

	@Test
	void badInputNamesTheFieldAndTheRule() {
		String body = admin().post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "", "type", "confidential", "redirectUris",
					List.of("http://app.example/cb", "https://app.example/cb#frag", "relative/cb", "javascript:alert(1)"),
					"scopes", List.of("openid", "admin"), "grantTypes", List.of("authorization_code", "implicit", "password")))
			.exchange().expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("\"name\"", "redirectUris", "must use https, except on localhost", "must not have a fragment",
				"must be absolute", "scopes", "'admin'", "'implicit'", "'password'");
		admin().post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "x", "type", "secretive", "grantTypes", List.of("client_credentials")))
			.exchange().expectStatus().isBadRequest();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM oauth2_registered_client WHERE client_name = ''").query(Long.class)
			.single()).isZero();
	}

	@Test
	void onlyWhoeverHoldsTheApplicationsPermissionsMayRegister() {
		Map<String, Object> user = createUser(unique("no-apps"));
		RestTestClient plain = signIn((String) user.get("username"), PASSWORD).client();
		plain.get().uri("/api/v1/applications").exchange().expectStatus().isForbidden();
		plain.post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
			.body(confidential(unique("Nope"))).exchange().expectStatus().isForbidden();
		Map<String, Object> created = register(admin(), confidential(unique("Theirs")));
		plain.post().uri("/api/v1/applications/{id}/secret", created.get("id")).exchange().expectStatus().isForbidden();
		plain.delete().uri("/api/v1/applications/{id}", created.get("id")).exchange().expectStatus().isForbidden();
		anonymous().get().uri("/api/v1/applications").exchange().expectStatus().isUnauthorized();
	}

	private int clientCredentials(String clientId, String secret) {
		return anonymous().post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.headers(headers -> headers.setBasicAuth(clientId, secret))
			.body("grant_type=client_credentials").exchange().returnResult(String.class).getStatus().value();
	}
}
