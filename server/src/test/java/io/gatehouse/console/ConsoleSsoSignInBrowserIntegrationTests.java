package io.gatehouse.console;

import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.sso.OidcProviderRig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** "Sign in with …" in Chromium: through a real OpenID provider and back, as a just-in-time user with the default role. */
class ConsoleSsoSignInBrowserIntegrationTests extends ConsoleBrowserTest {

	private static OidcProviderRig rig;

	@BeforeAll
	static void startProvider() throws Exception {
		rig = new OidcProviderRig();
	}

	@AfterAll
	static void stopProvider() {
		rig.close();
	}

	@Test
	void aDeepLinkLeadsThroughTheProviderBackToItsPageAsANewUserWithTheDefaultRole() {
		String alias = unique("browser");
		admin().post().uri("/api/v1/identity-providers").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("alias", alias, "displayName", "Acme SSO " + alias, "issuer", rig.issuer(alias), "clientId",
					"gatehouse", "clientSecret", "s3cret", "defaultRole", BuiltInRoles.VIEWER.toString()))
			.exchange().expectStatus().isCreated();
		String subject = unique("sub-");
		String email = subject + "@idp.example";
		rig.nextUser(alias, subject, Map.of("email", email, "email_verified", true, "given_name", "Grace",
				"family_name", "Hopper"));

		browser.open("/console/sign-in");
		browser.driver.manage().deleteAllCookies();
		browser.open("/console/profile");
		browser.waitForPath("/console/sign-in");
		browser.driver.findElement(By.linkText("Sign in with Acme SSO " + alias)).click();

		browser.waitForPath("/console/profile");
		assertThat(browser.driver.getPageSource()).contains(email);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM access_binding b JOIN users_account u ON u.id = b.principal_id
				WHERE u.email = ? AND b.role_id = ?""").params(email, BuiltInRoles.VIEWER).query(Integer.class).single())
			.isEqualTo(1);
	}
}
