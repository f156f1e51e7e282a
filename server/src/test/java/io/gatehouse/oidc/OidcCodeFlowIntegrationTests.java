package io.gatehouse.oidc;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenID Provider end to end over real HTTP: discovery, the code flow with PKCE through the console's real
 * sign-in page, the claims, refresh with rotation, introspection, userinfo, revocation and logout, and the audit log.
 */
@SuppressWarnings("unchecked")
class OidcCodeFlowIntegrationTests extends ApiIntegrationTest {

	static final String ALL_SCOPES = "openid profile email roles groups";

	@Test
	void discoveryNamesTheEndpointsAndOnlyTheFlowsGatehouseOffers() {
		Map<String, Object> discovery = anonymous().get().uri("/.well-known/openid-configuration").exchange()
			.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		String issuer = "http://localhost:" + port;
		assertThat(discovery).containsEntry("issuer", issuer)
			.containsEntry("authorization_endpoint", issuer + "/oauth2/authorize")
			.containsEntry("token_endpoint", issuer + "/oauth2/token")
			.containsEntry("userinfo_endpoint", issuer + "/userinfo")
			.containsEntry("jwks_uri", issuer + "/oauth2/jwks")
			.containsEntry("introspection_endpoint", issuer + "/oauth2/introspect")
			.containsEntry("revocation_endpoint", issuer + "/oauth2/revoke")
			.containsEntry("end_session_endpoint", issuer + "/connect/logout");
		assertThat((List<Object>) discovery.get("code_challenge_methods_supported")).containsExactly("S256");
		assertThat((List<Object>) discovery.get("response_types_supported")).containsExactly("code");
		assertThat((List<Object>) discovery.get("grant_types_supported")).doesNotContain("password", "implicit");
		Map<String, Object> jwks = anonymous().get().uri("/oauth2/jwks").exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
		List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");
		assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).containsKeys("kid", "n", "e").doesNotContainKeys("d", "p", "q"));
	}

	@Test
	void theCodeFlowSignsInThroughTheConsoleAndGivesTheUsersClaims() {
		Map<String, Object> user = createUser(unique("rp-user"));
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", true,
				List.of("authorization_code", "refresh_token"), List.of("openid", "profile", "email", "roles", "groups"));
		String verifier = OidcClient.verifier();
		OidcBrowser browser = new OidcBrowser(port);
		HttpResponse<String> signInPage = browser.open(app.client().authorizeUrl(ALL_SCOPES, verifier, OidcClient.REDIRECT));
		assertThat(signInPage.statusCode()).isEqualTo(200);
		assertThat(signInPage.uri().getPath()).isEqualTo("/console/sign-in");
		// the browser checks the sign-in form's form-action at each redirect after it, the last one to the application
		assertThat(signInPage.headers().allValues("Content-Security-Policy")).singleElement().asString()
			.contains("form-action 'self' http://127.0.0.1:9;");
		HttpResponse<String> back = browser.signIn(signInPage, (String) user.get("username"), PASSWORD);
		assertThat(back.statusCode()).isEqualTo(302);
		String location = back.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(OidcClient.REDIRECT + "?");
		Map<String, String> callback = OidcClient.callback(location);
		assertThat(callback).containsKeys("code", "state");

		Map<String, Object> tokens = app.client().exchange(callback.get("code"), verifier);
		assertThat(tokens).containsKeys("access_token", "refresh_token", "id_token").containsEntry("token_type", "Bearer");
		Map<String, Object> id = OidcClient.claims((String) tokens.get("id_token"));
		assertThat(id).containsEntry("sub", user.get("id"))
			.containsEntry("preferred_username", user.get("username"))
			.containsEntry("email", user.get("email"))
			.containsKey("email_verified")
			.containsKey("nonce");
		Map<String, Object> access = OidcClient.claims((String) tokens.get("access_token"));
		assertThat(access.get("aud")).isIn(app.client().clientId, List.of(app.client().clientId));
		assertThat(((Number) access.get("exp")).longValue() - ((Number) access.get("iat")).longValue()).isEqualTo(300);
		assertThat(access).containsEntry("sub", user.get("id")).containsKeys("roles", "groups");

		var infoResult = app.client().userinfo((String) tokens.get("access_token")).expectBody(JSON).returnResult();
		assertThat(infoResult.getStatus().value()).as(infoResult.getResponseHeaders() + " " + infoResult.getResponseBody())
			.isEqualTo(200);
		Map<String, Object> info = infoResult.getResponseBody();
		assertThat(info).containsEntry("sub", user.get("id")).containsEntry("email", user.get("email"))
			.containsKeys("roles", "groups", "preferred_username");
		assertThat(app.client().introspect((String) tokens.get("access_token"))).containsEntry("active", true)
			.containsEntry("client_id", app.client().clientId);

		// refresh rotates: the new pair works, the old refresh token replayed revokes the whole authorization
		String firstRefresh = (String) tokens.get("refresh_token");
		Map<String, Object> refreshed = app.client().refresh(firstRefresh).expectStatus().isOk().expectBody(JSON)
			.returnResult().getResponseBody();
		assertThat(refreshed.get("refresh_token")).isNotEqualTo(firstRefresh);
		app.client().refresh(firstRefresh).expectStatus().isBadRequest();
		app.client().refresh((String) refreshed.get("refresh_token")).expectStatus().isBadRequest();
		assertThat(app.client().introspect((String) refreshed.get("access_token"))).containsEntry("active", false);

		assertThat(audited(app.client().clientId)).contains("oidc.token-issued", "oidc.token-refreshed",
				"oidc.tokens-revoked");
	}

	@Test
	void anAlreadySignedInUserGoesStraightBackToTheApplication() {
		Map<String, Object> user = createUser(unique("rp-again"));
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "public", true,
				List.of("authorization_code"), List.of("openid"));
		OidcBrowser browser = new OidcBrowser(port);
		String verifier = OidcClient.verifier();
		browser.signIn(browser.open(app.client().authorizeUrl("openid", verifier, OidcClient.REDIRECT)),
				(String) user.get("username"), PASSWORD);
		String second = OidcClient.verifier();
		HttpResponse<String> back = browser.open(app.client().authorizeUrl("openid", second, OidcClient.REDIRECT));
		assertThat(back.statusCode()).isEqualTo(302);
		Map<String, String> callback = OidcClient.callback(back.headers().firstValue("Location").orElseThrow());
		// a public client: no secret, the verifier is its proof
		Map<String, Object> tokens = app.client().exchange(callback.get("code"), second);
		assertThat(tokens).containsKeys("access_token", "id_token").doesNotContainKey("refresh_token");
	}

	@Test
	void clientCredentialsGiveAServiceATokenOfItsOwn() {
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", true,
				List.of("client_credentials"), List.of());
		Map<String, Object> token = app.client().token(Map.of("grant_type", "client_credentials")).expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
		Map<String, Object> introspection = app.client().introspect((String) token.get("access_token"));
		assertThat(introspection).containsEntry("active", true).containsEntry("sub", app.client().clientId);
		app.client().revoke((String) token.get("access_token")).expectStatus().isOk();
		assertThat(app.client().introspect((String) token.get("access_token"))).containsEntry("active", false);
		assertThat(audited(app.client().clientId)).contains("oidc.token-issued", "oidc.tokens-revoked");
		// a wrong secret gets nothing
		new OidcClient(port, app.client().clientId, "wrong").token(Map.of("grant_type", "client_credentials"))
			.expectStatus().isUnauthorized();
	}

	@Test
	void logoutEndsTheGatehouseSessionAndTheApplicationsTokens() {
		Map<String, Object> user = createUser(unique("rp-logout"));
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", true,
				List.of("authorization_code", "refresh_token"), List.of("openid"), List.of("http://127.0.0.1:9/bye"));
		OidcBrowser browser = new OidcBrowser(port);
		String verifier = OidcClient.verifier();
		HttpResponse<String> back = browser.signIn(
				browser.open(app.client().authorizeUrl("openid", verifier, OidcClient.REDIRECT)),
				(String) user.get("username"), PASSWORD);
		Map<String, Object> tokens = app.client()
			.exchange(OidcClient.callback(back.headers().firstValue("Location").orElseThrow()).get("code"), verifier);
		HttpResponse<String> loggedOut = browser.open("/connect/logout?id_token_hint=" + tokens.get("id_token")
				+ "&post_logout_redirect_uri=http://127.0.0.1:9/bye&client_id=" + app.client().clientId);
		assertThat(loggedOut.statusCode()).isEqualTo(302);
		assertThat(loggedOut.headers().firstValue("Location").orElseThrow()).startsWith("http://127.0.0.1:9/bye");
		// the browser is signed out of Gatehouse: the next authorization request asks for the password again
		HttpResponse<String> again = browser.open(app.client().authorizeUrl("openid", OidcClient.verifier(), OidcClient.REDIRECT));
		assertThat(again.uri().getPath()).isEqualTo("/console/sign-in");
		app.client().refresh((String) tokens.get("refresh_token")).expectStatus().isBadRequest();
	}

	@Test
	void aSignInPageNamesNoOriginThatCouldBreakItsPolicy() {
		for (String redirect : List.of("http://a.example;script-src *", "javascript:alert(1)", "http://a b.example/")) {
			String next = "/oauth2/authorize?client_id=x&redirect_uri=" + java.net.URLEncoder.encode(redirect,
					java.nio.charset.StandardCharsets.UTF_8);
			String policy = anonymous().get().uri(uri -> uri.path("/console/sign-in").queryParam("next", "{next}").build(next))
				.exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders()
				.getFirst("Content-Security-Policy");
			assertThat(policy).as(redirect).contains("form-action 'self';").doesNotContain("script-src *", "javascript");
		}
	}

	private List<String> audited(String clientId) {
		return jdbc.sql("SELECT action FROM audit_event WHERE target_id = ? ORDER BY occurred_at").param(clientId)
			.query(String.class).list();
	}
}
