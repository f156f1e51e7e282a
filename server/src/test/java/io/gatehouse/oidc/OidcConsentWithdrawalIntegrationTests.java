package io.gatehouse.oidc;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user withdraws, on their profile, the consent they gave a third-party application: the application's tokens for
 * them stop working at once, the next sign-in asks again, and both are in the audit log.
 */
class OidcConsentWithdrawalIntegrationTests extends ApiIntegrationTest {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private static final Pattern STATE = Pattern.compile("name=\"state\"\\s+value=\"([^\"]+)\"");

	@Test
	@SuppressWarnings("unchecked")
	void withdrawingAConsentRevokesTheApplicationsTokensAndAsksAgain() {
		Map<String, Object> user = createUser(unique("rp-withdraw"));
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", false,
				List.of("authorization_code", "refresh_token"), List.of("openid", "profile"));
		OidcApplications.Registered other = OidcApplications.register(admin(), port, "confidential", false,
				List.of("authorization_code", "refresh_token"), List.of("openid", "profile"));
		OidcBrowser browser = new OidcBrowser(port);
		String verifier = OidcClient.verifier();
		HttpResponse<String> consentPage = browser.signIn(
				browser.open(app.client().authorizeUrl("openid profile", verifier, OidcClient.REDIRECT)),
				(String) user.get("username"), PASSWORD);
		Map<String, Object> tokens = app.client().exchange(consent(browser, consentPage, app, "profile"), verifier);
		String otherVerifier = OidcClient.verifier();
		Map<String, Object> otherTokens = other.client().exchange(consent(browser,
				browser.open(other.client().authorizeUrl("openid profile", otherVerifier, OidcClient.REDIRECT)), other, "profile"),
				otherVerifier);

		SignedIn me = signIn((String) user.get("username"), PASSWORD);
		List<Map<String, Object>> consents = me.client().get().uri("/api/v1/me/consents").exchange().expectStatus().isOk()
			.expectBody(LIST).returnResult().getResponseBody();
		assertThat(consents).extracting(c -> c.get("clientId"))
			.containsExactlyInAnyOrder(app.client().clientId, other.client().clientId);
		assertThat(consents).filteredOn(c -> app.client().clientId.equals(c.get("clientId"))).singleElement()
			.satisfies(c -> assertThat((List<String>) c.get("scopes")).contains("openid", "profile"))
			.satisfies(c -> assertThat(c.get("name")).isEqualTo(app.json().get("name")));

		// somebody else cannot withdraw it for them, and learns nothing about the application from trying
		Map<String, Object> stranger = createUser(unique("rp-stranger"));
		signIn((String) stranger.get("username"), PASSWORD).client().delete()
			.uri("/api/v1/me/consents/{id}", app.client().clientId).exchange().expectStatus().isNotFound();
		assertThat(app.client().introspect((String) tokens.get("access_token"))).containsEntry("active", true);

		me.client().delete().uri("/api/v1/me/consents/{id}", app.client().clientId).exchange().expectStatus()
			.isNoContent();
		assertThat(app.client().introspect((String) tokens.get("access_token"))).containsEntry("active", false);
		app.client().refresh((String) tokens.get("refresh_token")).expectStatus().isBadRequest();
		// the other application keeps its consent and its tokens
		assertThat(other.client().introspect((String) otherTokens.get("access_token"))).containsEntry("active", true);
		assertThat(me.client().get().uri("/api/v1/me/consents").exchange().expectBody(LIST).returnResult()
			.getResponseBody()).extracting(c -> c.get("clientId")).containsExactly(other.client().clientId);
		me.client().delete().uri("/api/v1/me/consents/{id}", app.client().clientId).exchange().expectStatus()
			.isNotFound();

		// the next sign-in to the application asks for consent again
		HttpResponse<String> again = browser.open(app.client().authorizeUrl("openid profile", OidcClient.verifier(),
				OidcClient.REDIRECT));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("name=\"state\"");

		assertThat(jdbc.sql("SELECT action FROM audit_event WHERE target_id = ? ORDER BY occurred_at")
			.param(app.client().clientId).query(String.class).list())
			.contains("oidc.consent-withdrawn", "oidc.tokens-revoked");
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE target_id = ? AND action = 'oidc.tokens-revoked'
				AND details LIKE '%consent-withdrawn%'""").param(app.client().clientId).query(Long.class).single())
			.isEqualTo(1);
	}

	/** Consents on the page shown (with the extra scope, if any) and hands back the code. */
	private static String consent(OidcBrowser browser, HttpResponse<String> page, OidcApplications.Registered app,
			String scope) {
		Matcher state = STATE.matcher(page.body());
		assertThat(state.find()).as(page.body()).isTrue();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("client_id", app.client().clientId);
		fields.put("state", state.group(1));
		if (scope != null) {
			fields.put("scope", scope);
		}
		HttpResponse<String> back = browser.post("/oauth2/authorize", fields);
		assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
		return OidcClient.callback(back.headers().firstValue("Location").orElseThrow()).get("code");
	}
}
