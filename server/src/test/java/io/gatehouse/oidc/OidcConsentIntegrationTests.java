package io.gatehouse.oidc;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A third-party application asks the user first; the consent is remembered and audited. */
class OidcConsentIntegrationTests extends ApiIntegrationTest {

	private static final Pattern STATE = Pattern.compile("name=\"state\"\\s+value=\"([^\"]+)\"");

	@Test
	void aThirdPartyApplicationGetsACodeOnlyAfterTheUserConsents() {
		Map<String, Object> user = createUser(unique("rp-consent"));
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", false,
				List.of("authorization_code"), List.of("openid", "profile"));
		OidcBrowser browser = new OidcBrowser(port);
		String verifier = OidcClient.verifier();
		HttpResponse<String> consent = browser.signIn(
				browser.open(app.client().authorizeUrl("openid profile", verifier, OidcClient.REDIRECT)),
				(String) user.get("username"), PASSWORD);
		assertThat(consent.statusCode()).isEqualTo(200);
		assertThat(consent.body()).contains(app.client().clientId, "profile");
		Matcher state = STATE.matcher(consent.body());
		assertThat(state.find()).as(consent.body()).isTrue();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("client_id", app.client().clientId);
		fields.put("state", state.group(1));
		fields.put("scope", "profile");
		HttpResponse<String> back = browser.post("/oauth2/authorize", fields);
		assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
		Map<String, String> callback = OidcClient.callback(back.headers().firstValue("Location").orElseThrow());
		Map<String, Object> tokens = app.client().exchange(callback.get("code"), verifier);
		assertThat(OidcClient.claims((String) tokens.get("id_token"))).containsEntry("preferred_username",
				user.get("username"));

		// remembered: the next sign-in to the application asks nothing
		String again = OidcClient.verifier();
		HttpResponse<String> straight = browser.open(app.client().authorizeUrl("openid profile", again, OidcClient.REDIRECT));
		assertThat(straight.statusCode()).isEqualTo(302);
		assertThat(OidcClient.callback(straight.headers().firstValue("Location").orElseThrow())).containsKey("code");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'oidc.consent-granted' AND target_id = ?")
			.param(app.client().clientId).query(Long.class).single()).isEqualTo(1);
	}
}
