package io.gatehouse.oidc;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the OpenID Provider refuses: redirect URIs that are not exactly registered, a missing or wrong PKCE verifier,
 * a code used twice, scopes and grants an application was not given, and the tokens of a user deactivated since.
 */
class OidcRefusalsIntegrationTests extends ApiIntegrationTest {

	/** Only a loopback address's port may vary (RFC 8252 section 7.3: a native app listens on whatever port is free). */
	@Test
	void aRedirectUriIsMatchedExactlyAndAWrongOneIsNeverRedirectedTo() {
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "public", true,
				List.of("authorization_code"), List.of("openid"));
		for (String wrong : List.of("http://127.0.0.1:9/callback/extra", "http://127.0.0.1:9/call",
				"http://127.0.0.1:9/callback?x=1", "https://evil.example/callback", "http://localhost:9/callback",
				"HTTP://127.0.0.1:9/CALLBACK")) {
			HttpResponse<String> answer = new OidcBrowser(port)
				.open(app.client().authorizeUrl("openid", OidcClient.verifier(), wrong));
			assertThat(answer.statusCode()).as(wrong).isEqualTo(400);
			assertThat(answer.headers().firstValue("Location")).as(wrong).isEmpty();
		}
	}

	@Test
	void pkceIsRequiredAndTheVerifierMustMatch() {
		Map<String, Object> user = createUser(unique("rp-pkce"));
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", true,
				List.of("authorization_code"), List.of("openid"));
		// without a challenge, the request goes back to the application as an error, with no code
		OidcBrowser browser = new OidcBrowser(port);
		HttpResponse<String> signIn = browser.open(app.client().authorizeUrl("openid", OidcClient.verifier(), OidcClient.REDIRECT));
		browser.signIn(signIn, (String) user.get("username"), PASSWORD);
		String withoutChallenge = app.client().authorizeUrl("openid", OidcClient.verifier(), OidcClient.REDIRECT)
			.replaceAll("&code_challenge=[^&]*&code_challenge_method=S256", "");
		Map<String, String> refused = OidcClient.callback(location(browser.open(withoutChallenge)));
		assertThat(refused).containsEntry("error", "invalid_request").doesNotContainKey("code");
		// plain is not offered
		String plain = app.client().authorizeUrl("openid", OidcClient.verifier(), OidcClient.REDIRECT)
			.replace("code_challenge_method=S256", "code_challenge_method=plain");
		assertThat(OidcClient.callback(location(browser.open(plain)))).containsEntry("error", "invalid_request");

		String verifier = OidcClient.verifier();
		String code = OidcClient.callback(location(browser.open(app.client().authorizeUrl("openid", verifier,
				OidcClient.REDIRECT)))).get("code");
		app.client().token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", OidcClient.REDIRECT))
			.expectStatus().isBadRequest();
		String other = OidcClient.callback(location(browser.open(app.client().authorizeUrl("openid", verifier,
				OidcClient.REDIRECT)))).get("code");
		app.client().token(Map.of("grant_type", "authorization_code", "code", other, "redirect_uri",
				OidcClient.REDIRECT, "code_verifier", OidcClient.verifier())).expectStatus().isBadRequest();
	}

	@Test
	void aCodeUsedTwiceRevokesTheTokensItGave() {
		Map<String, Object> user = createUser(unique("rp-twice"));
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", true,
				List.of("authorization_code", "refresh_token"), List.of("openid"));
		OidcBrowser browser = new OidcBrowser(port);
		String verifier = OidcClient.verifier();
		String code = OidcClient.callback(location(browser.signIn(
				browser.open(app.client().authorizeUrl("openid", verifier, OidcClient.REDIRECT)),
				(String) user.get("username"), PASSWORD))).get("code");
		Map<String, Object> tokens = app.client().exchange(code, verifier);
		assertThat(app.client().introspect((String) tokens.get("access_token"))).containsEntry("active", true);
		app.client().token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
				OidcClient.REDIRECT, "code_verifier", verifier)).expectStatus().isBadRequest();
		assertThat(app.client().introspect((String) tokens.get("access_token"))).containsEntry("active", false);
		app.client().refresh((String) tokens.get("refresh_token")).expectStatus().isBadRequest();
	}

	@Test
	void anApplicationGetsOnlyTheScopesAndGrantsItWasGiven() {
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", true,
				List.of("authorization_code"), List.of("openid", "profile"));
		// refused before anyone signs in: the request itself asks for too much
		HttpResponse<String> back = new OidcBrowser(port)
			.open(app.client().authorizeUrl("openid roles", OidcClient.verifier(), OidcClient.REDIRECT));
		assertThat(OidcClient.callback(location(back))).containsEntry("error", "invalid_scope")
			.doesNotContainKey("code");
		app.client().token(Map.of("grant_type", "client_credentials")).expectStatus().isBadRequest()
			.expectBody(JSON).value(body -> assertThat(body).containsEntry("error", "unauthorized_client"));
		app.client().token(Map.of("grant_type", "password", "username", "admin", "password", ADMIN_PASSWORD))
			.expectStatus().isBadRequest();
		// and a public application has no client credentials at all
		admin().post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Public service", "type", "public", "grantTypes", List.of("client_credentials")))
			.exchange().expectStatus().isBadRequest()
			.expectBody(JSON).value(body -> assertThat(body.toString()).contains("grantTypes", "public-client"));
	}

	@Test
	void aDeactivatedUsersTokensAreRefusedAtOnce() {
		Map<String, Object> user = createUser(unique("rp-gone"));
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", true,
				List.of("authorization_code", "refresh_token"), List.of("openid", "email"));
		OidcBrowser browser = new OidcBrowser(port);
		String verifier = OidcClient.verifier();
		String code = OidcClient.callback(location(browser.signIn(
				browser.open(app.client().authorizeUrl("openid email", verifier, OidcClient.REDIRECT)),
				(String) user.get("username"), PASSWORD))).get("code");
		Map<String, Object> tokens = app.client().exchange(code, verifier);
		app.client().userinfo((String) tokens.get("access_token")).expectStatus().isOk();

		admin().post().uri("/api/v1/users/{id}/deactivate", user.get("id")).exchange().expectStatus().is2xxSuccessful();

		assertThat(app.client().introspect((String) tokens.get("access_token"))).containsEntry("active", false);
		app.client().userinfo((String) tokens.get("access_token")).expectStatus().isUnauthorized();
		app.client().refresh((String) tokens.get("refresh_token")).expectStatus().isBadRequest();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM oauth2_authorization WHERE principal_name = ?")
			.param(user.get("id")).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'oidc.user-tokens-revoked' AND target_id = ?")
			.param(user.get("id")).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void endingAllOfAUsersSessionsEndsTheApplicationsTokensToo() {
		Map<String, Object> user = createUser(unique("rp-ended"));
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", true,
				List.of("authorization_code", "refresh_token"), List.of("openid"));
		OidcBrowser browser = new OidcBrowser(port);
		String verifier = OidcClient.verifier();
		String code = OidcClient.callback(location(browser.signIn(
				browser.open(app.client().authorizeUrl("openid", verifier, OidcClient.REDIRECT)),
				(String) user.get("username"), PASSWORD))).get("code");
		Map<String, Object> tokens = app.client().exchange(code, verifier);
		// introspected once before: what the node keeps of it must go with the sessions
		assertThat(app.client().introspect((String) tokens.get("access_token"))).containsEntry("active", true);
		admin().delete().uri("/api/v1/users/{id}/sessions", user.get("id")).exchange().expectStatus().is2xxSuccessful();
		app.client().refresh((String) tokens.get("refresh_token")).expectStatus().isBadRequest();
		assertThat(app.client().introspect((String) tokens.get("access_token"))).containsEntry("active", false);
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow();
	}
}
