package io.gatehouse.console;

import java.util.Map;

import io.gatehouse.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages mailed links open, in a real browser with the links read from the mail delivered to GreenMail: a
 * forgotten password, and a change of one's own email address; and the rest of the profile settings.
 */
class ConsoleAccountLinksBrowserIntegrationTests extends ConsoleBrowserTest {

	private static final String NEW_PASSWORD = "Another-Horse-8";

	@Test
	void aForgottenPasswordIsReplacedThroughTheMailedLink() {
		Map<String, Object> user = createUser(unique("fgt"));
		String email = (String) user.get("email");
		browser.open("/console/sign-in");
		browser.driver.manage().deleteAllCookies();
		browser.open("/console/sign-in");
		browser.find(By.linkText("Forgot password?")).click();
		browser.waitForPath("/console/forgot-password");
		browser.screenshot("forgot-password");
		browser.type("email", email);
		browser.byId("email").submit();
		String answer = browser.text(By.id("reset-sent"));

		// an address without an account gets the very same answer
		browser.open("/console/forgot-password");
		browser.type("email", unique("nobody") + "@example.com");
		browser.byId("email").submit();
		assertThat(browser.text(By.id("reset-sent"))).isEqualTo(answer);

		String link = MailLinks.path(TestMailServer.await(email, "reset your password"));
		assertThat(link).startsWith("/console/password-reset?token=");
		browser.open(link);
		browser.type("password", "short");
		browser.type("confirmPassword", "short");
		browser.byId("password").submit();
		assertThat(browser.text(By.id("password-rules"))).contains("The password must be");
		browser.screenshot("password-reset");
		browser.type("password", NEW_PASSWORD);
		browser.type("confirmPassword", NEW_PASSWORD);
		browser.byId("password").submit();
		browser.waitForPath("/console/sign-in?done=password-reset");
		assertThat(browser.text(By.cssSelector("#flash .alert"))).contains("Your password was changed");

		browser.signIn((String) user.get("username"), PASSWORD);
		assertThat(browser.text(By.cssSelector(".alert.error"))).isNotBlank();
		browser.signIn((String) user.get("username"), NEW_PASSWORD);
		browser.waitForPath("/console/profile");

		// the link works once
		browser.open(link);
		browser.type("password", NEW_PASSWORD + "x");
		browser.type("confirmPassword", NEW_PASSWORD + "x");
		browser.byId("password").submit();
		assertThat(browser.text(By.id("link-error"))).contains("not valid");
	}

	@Test
	void tooManyResetRequestsAreRefusedPolitely() {
		String email = unique("flood") + "@example.com";
		for (int i = 0; i < 6; i++) {
			browser.open("/console/forgot-password");
			browser.type("email", email);
			browser.byId("email").submit();
			browser.find(By.cssSelector("#reset-sent, .alert.error"));
		}
		assertThat(browser.text(By.cssSelector(".alert.error"))).contains("Too many password-reset requests");
		assertThat(browser.byId("email").getAttribute("value")).isEqualTo(email);
	}

	@Test
	void aUserChangesTheirEmailAndConfirmsItThroughTheMailedLink() {
		Map<String, Object> user = createUser(unique("eml"));
		String oldEmail = (String) user.get("email");
		String newEmail = unique("moved") + "@example.com";
		browser.signIn((String) user.get("username"), PASSWORD);
		browser.waitForPath("/console/profile");
		assertThat(browser.text(By.id("email-warning"))).contains("revoke access to integrations");

		browser.type("new-email", newEmail);
		browser.type("email-current-password", "wrong-password");
		browser.byId("new-email").submit();
		assertThat(browser.text(By.xpath("//*[@id='email-current-password']/following-sibling::*[contains(@class,'error')]")))
			.isEqualTo("Is not your current password.");

		browser.type("new-email", newEmail);
		browser.type("email-current-password", PASSWORD);
		browser.byId("new-email").submit();
		assertThat(browser.text(By.id("email-change-sent"))).contains(newEmail).contains(oldEmail);
		browser.screenshot("profile-settings");
		TestMailServer.await(oldEmail, "a change of your email address was requested");

		String link = MailLinks.path(TestMailServer.await(newEmail, "confirm your new email address"));
		assertThat(link).startsWith("/console/email/confirm?token=");
		browser.open(link);
		browser.screenshot("confirm-email");
		// opening the link alone changes nothing: a mail scanner may have fetched it
		assertThat(browser.driver.findElements(By.id("email-confirmed"))).isEmpty();
		browser.find(By.xpath("//button[normalize-space()='Confirm email address']")).click();
		assertThat(browser.text(By.id("email-confirmed"))).contains(newEmail);
		assertThat(TestMailServer.await(oldEmail, "your email address was changed").text()).contains(newEmail);

		browser.open("/console/profile");
		assertThat(browser.text(By.id("current-email"))).isEqualTo(newEmail);
	}

	@Test
	void aUserSetsTheirScreenNameAndChangesTheirPasswordOnTheProfile() {
		Map<String, Object> user = createUser(unique("scr"));
		browser.signIn((String) user.get("username"), PASSWORD);
		browser.waitForPath("/console/profile");
		browser.type("displayName", "Ada L.");
		browser.byId("displayName").submit();
		browser.waitForDone("profile-saved");
		assertThat(browser.text(By.cssSelector(".account a"))).isEqualTo("Ada L.");

		browser.type("currentPassword", PASSWORD);
		browser.type("newPassword", NEW_PASSWORD);
		browser.type("confirmPassword", NEW_PASSWORD + "!");
		browser.byId("newPassword").submit();
		assertThat(browser.text(By.xpath("//*[@id='confirmPassword']/following-sibling::*[contains(@class,'error')]")))
			.isEqualTo("Must match the new password.");
		browser.type("currentPassword", PASSWORD);
		browser.type("newPassword", NEW_PASSWORD);
		browser.type("confirmPassword", NEW_PASSWORD);
		browser.byId("newPassword").submit();
		browser.waitForDone("password-changed");
		browser.signIn((String) user.get("username"), NEW_PASSWORD);
		browser.waitForPath("/console/profile");
	}
}
