package io.gatehouse.api.me;

import java.util.HashMap;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Profile settings through {@code PATCH /api/v1/me}: one's own screen name and time zone, nothing else. */
class MyProfileIntegrationTests extends ApiIntegrationTest {

	@Test
	void aUserWithNoPermissionChangesTheirScreenNameAndTimeZone() {
		SignedIn user = signIn((String) createUser(unique("prof")).get("username"), PASSWORD);
		user.client().patch().uri("/api/v1/me").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("displayName", "  Ada L.  ", "timeZone", "Europe/Paris"))
			.exchange().expectStatus().isOk()
			.expectHeader().exists(HttpHeaders.ETAG)
			.expectBody().jsonPath("$.displayName").isEqualTo("Ada L.").jsonPath("$.timeZone").isEqualTo("Europe/Paris");

		// a field left out stays; null clears
		Map<String, Object> clear = new HashMap<>();
		clear.put("displayName", null);
		user.client().patch().uri("/api/v1/me").contentType(MediaType.APPLICATION_JSON).body(clear)
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.displayName").doesNotExist().jsonPath("$.timeZone").isEqualTo("Europe/Paris");
	}

	@Test
	void badFieldsAreNamedAndAStaleVersionIsRefused() {
		SignedIn user = signIn((String) createUser(unique("prof")).get("username"), PASSWORD);
		user.client().patch().uri("/api/v1/me").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("timeZone", "Mars/Olympus", "displayName", "x".repeat(500)))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[?(@.field == 'timeZone')]").exists()
			.jsonPath("$.errors[?(@.field == 'displayName')]").exists();
		user.client().patch().uri("/api/v1/me").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("displayName", "Fine", "email", "elsewhere@example.com", "username", "someone-else",
					"roles", java.util.List.of("Instance: Admin"), "favouriteColour", "blue"))
			.exchange().expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'email')].rule").isEqualTo("read-only")
			.jsonPath("$.errors[?(@.field == 'username')].rule").isEqualTo("read-only")
			.jsonPath("$.errors[?(@.field == 'roles')].rule").isEqualTo("read-only")
			.jsonPath("$.errors[?(@.field == 'favouriteColour')].rule").isEqualTo("unknown-field")
			.jsonPath("$.errors[?(@.field == 'displayName')]").doesNotExist();
		user.client().get().uri("/api/v1/me").exchange().expectBody().jsonPath("$.displayName").doesNotExist();
		user.client().patch().uri("/api/v1/me").header(HttpHeaders.IF_MATCH, "\"999\"")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("displayName", "Late"))
			.exchange().expectStatus().isEqualTo(412);
	}
}
