package io.gatehouse.console;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile lists the third-party applications the user consented to, and withdraws a consent after asking. */
class ConsoleConsentsBrowserIntegrationTests extends ConsoleBrowserTest {

	@Test
	void aConsentIsListedOnTheProfileAndWithdrawn() {
		Map<String, Object> user = createUser(unique("consenter"));
		String name = unique("Reports");
		Map<String, Object> app = admin().post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "type", "confidential", "firstParty", false, "redirectUris",
					List.of("http://127.0.0.1:9/callback"), "scopes", List.of("openid", "profile", "email"),
					"grantTypes", List.of("authorization_code")))
			.exchange().expectStatus().isEqualTo(HttpStatus.CREATED).expectBody(JSON).returnResult().getResponseBody();
		// the consent as the authorization server keeps it once the user said yes on its consent page
		// (OidcConsentWithdrawalIntegrationTests goes through that page)
		jdbc.sql("""
				INSERT INTO oauth2_authorization_consent (registered_client_id, principal_name, authorities)
				VALUES (:client, :user, 'SCOPE_openid,SCOPE_profile')""")
			.param("client", app.get("id").toString()).param("user", user.get("id").toString()).update();

		browser.signIn((String) user.get("username"), PASSWORD);
		browser.waitForPath("/console/profile");
		assertThat(browser.text(By.id("applications"))).contains(name, "openid, profile");
		browser.screenshot("profile-applications");
		browser.find(By.cssSelector("button[aria-label='Withdraw " + name + "']")).click();
		assertThat(browser.acceptConfirmation()).contains("Withdraw your consent to " + name);
		browser.waitForDone("consent-withdrawn");
		assertThat(browser.text(By.id("applications"))).doesNotContain(name).contains("No applications.");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM oauth2_authorization_consent WHERE principal_name = ?")
			.param(user.get("id").toString()).query(Long.class).single()).isZero();
	}
}
