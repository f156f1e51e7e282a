package io.gatehouse.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Registers applications through the API, as an administrator does. */
final class OidcApplications {

	record Registered(Map<String, Object> json, OidcClient client) {

		String id() {
			return (String) json.get("id");
		}
	}

	private OidcApplications() {
	}

	static Registered register(RestTestClient admin, int port, String type, boolean firstParty, List<String> grants,
			List<String> scopes) {
		return register(admin, port, type, firstParty, grants, scopes, List.of());
	}

	static Registered register(RestTestClient admin, int port, String type, boolean firstParty, List<String> grants,
			List<String> scopes, List<String> logoutRedirects) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "App " + System.nanoTime());
		body.put("type", type);
		body.put("firstParty", firstParty);
		body.put("redirectUris", grants.contains("authorization_code") ? List.of(OidcClient.REDIRECT) : List.of());
		body.put("postLogoutRedirectUris", logoutRedirects);
		body.put("scopes", scopes);
		body.put("grantTypes", grants);
		Map<String, Object> json = admin.post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
			.body(body).exchange().expectStatus().isEqualTo(HttpStatus.CREATED)
			.expectBody(ApiIntegrationTest.JSON).returnResult().getResponseBody();
		return new Registered(json, new OidcClient(port, (String) json.get("clientId"), (String) json.get("clientSecret")));
	}
}
