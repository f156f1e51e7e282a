package io.gatehouse.console;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.support.Totp;
import io.gatehouse.tokens.TokenManagement;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An instance that requires a second factor: a user without one is kept on the enrolment until they have one. */
class ConsoleMfaRequiredBrowserIntegrationTests extends ConsoleBrowserTest {

	@DynamicPropertySource
	static void everyoneNeedsMfa(DynamicPropertyRegistry registry) {
		registry.add("gatehouse.mfa.required", () -> "everyone");
	}

	@Autowired
	private TokenManagement tokens;

	/** The administrator's password sign-in would have to enrol first: its token is made directly. */
	@Override
	protected RestTestClient admin() {
		UUID id = jdbc.sql("SELECT id FROM users_account WHERE username_normalized = 'admin'").query(UUID.class).single();
		return withToken(tokens.create(new Actor(id, ADMIN, null, null, null), unique("mfa"), null, false).secret());
	}

	@Test
	void aUserWithoutASecondFactorEnrolsOneBeforeAnythingElse() {
		Map<String, Object> user = createUser(unique("must"));
		browser.signIn((String) user.get("username"), PASSWORD);
		browser.waitForPath("/console/profile/security");
		assertThat(browser.text(By.id("mfa-state"))).contains("This instance requires one");
		browser.open("/console/profile");
		browser.waitForPath("/console/profile/security");

		browser.find(By.xpath("//button[normalize-space()='Set up authenticator app']")).click();
		String secret = browser.byId("totp-secret").getText();
		browser.type("totp-code", Totp.code(secret, Instant.now()));
		browser.byId("totp-code").submit();
		assertThat(browser.byId("recovery-codes").getText().lines()).hasSize(10);
		// enrolled: the rest of the console opens in this same session, and the factor cannot be removed
		assertThat(browser.driver.findElements(By.id("remove-form"))).isEmpty();
		browser.open("/console/profile");
		assertThat(browser.path()).startsWith("/console/profile");
		assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Profile settings");
	}
}
