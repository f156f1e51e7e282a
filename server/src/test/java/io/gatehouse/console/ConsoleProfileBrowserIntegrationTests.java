package io.gatehouse.console;

import java.time.Instant;
import java.util.Map;

import io.gatehouse.support.Totp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal access tokens in a real browser: created on the profile, shown once, used, revoked; and an
 * administrator's view of a user's tokens.
 */
class ConsoleProfileBrowserIntegrationTests extends ConsoleBrowserTest {

	@Test
	void aTokenIsShownOnceWorksAndIsRevoked() {
		Map<String, Object> user = createUser(unique("tok"));
		browser.signIn((String) user.get("username"), PASSWORD);
		browser.waitForPath("/console/profile");
		browser.type("token-name", "laptop");
		browser.byId("token-name").submit();
		String token = browser.byId("issued-token").getText();
		assertThat(token).startsWith("gh_pat_");
		browser.screenshot("profile-token");
		withToken(token).get().uri("/api/v1/me").exchange().expectStatus().isOk();

		browser.open("/console/profile");
		assertThat(browser.driver.findElements(By.id("issued-token"))).isEmpty();
		browser.find(By.cssSelector("button[aria-label='Revoke laptop']")).click();
		browser.acceptConfirmation();
		browser.waitForDone("token-revoked");
		withToken(token).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void anAdministratorSeesAUsersTokensButNotTheirSecretsAndRevokesThem() {
		Map<String, Object> user = createUser(unique("tad"));
		String token = signIn((String) user.get("username"), PASSWORD).createToken("ci pipeline");
		signInAsAdmin();
		new UserPage(browser).open(user.get("id"));
		browser.find(By.linkText("Tokens")).click();
		assertThat(browser.text(By.cssSelector("main table"))).contains("ci pipeline").doesNotContain(token);
		browser.screenshot("user-tokens");
		browser.find(By.cssSelector("button[aria-label='Revoke ci pipeline']")).click();
		browser.acceptConfirmation();
		browser.waitForDone("token-revoked");
		withToken(token).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aUserWithASecondFactorSignsInWithACode() {
		Map<String, Object> user = createUser(unique("mfa"));
		SignedIn api = signIn((String) user.get("username"), PASSWORD);
		String secret = (String) api.client().post().uri("/api/v1/me/mfa/totp").exchange().expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("secret");
		api.client().post().uri("/api/v1/me/mfa/totp/confirm").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("code", Totp.code(secret, Instant.now()))).exchange().expectStatus().isOk();

		browser.signIn((String) user.get("username"), PASSWORD);
		browser.waitForPath("/console/sign-in");
		assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Second factor");
		browser.screenshot("second-factor");
		browser.type("code", "000000".equals(Totp.nextCode(secret)) ? "111111" : "000000");
		browser.byId("code").submit();
		assertThat(browser.text(By.cssSelector(".alert.error"))).isEqualTo("The code is not correct.");
		browser.type("code", Totp.nextCode(secret));
		browser.byId("code").submit();
		browser.waitForPath("/console/profile");
	}
}
