package io.gatehouse.console;

import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Resources;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance without a mail server, in a real browser: every page that would mail a link says so, Settings shows
 * the state and the base URL of links, the test mail is only logged, and invitation and reset links are copied and
 * handed over instead, and work.
 */
// a context of its own, closed after the class: its outbox worker would otherwise go on taking other tests' mails
@DirtiesContext
class ConsoleMailNotConfiguredBrowserIntegrationTests extends ConsoleBrowserTest {

	/** Over the test SMTP host of {@code ApiIntegrationTest}'s properties: none, so mails are only logged. */
	@DynamicPropertySource
	static void noMailServer(DynamicPropertyRegistry registry) {
		registry.add("gatehouse.mail.host", () -> "");
	}

	@Test
	void settingsShowThatNoMailServerIsConfiguredAndTheTestMailIsOnlyLogged() {
		String username = unique("nomail-admin");
		createUser(Map.of("username", username, "email", username + "@example.com", "password", PASSWORD,
				"bindings", List.of(Map.of("roleId", BuiltInRoles.ADMIN.toString(), "resourceId",
						Resources.INSTANCE.toString()))));
		browser.signIn(username, PASSWORD);
		browser.waitForPath("/console");
		browser.open("/console/settings");
		assertThat(browser.text(By.id("mail-server-state"))).startsWith("None configured.");
		assertThat(browser.text(By.id("mail-base-url"))).isEqualTo("http://localhost:8080");
		browser.find(By.xpath("//button[starts-with(normalize-space(), 'Send a test mail to')]")).click();
		browser.waitForDone("test-mail-logged");
		assertThat(browser.text(By.cssSelector("#flash .alert, .alert.ok"))).contains("printed to the server's log");
		browser.screenshot("settings-mail-not-configured");
		browser.screenshot("settings-mail-not-configured-phone", 390);
	}

	@Test
	void anInvitationLinkIsCopiedInsteadOfMailedAndOpensTheAcceptPage() {
		String email = unique("handover") + "@example.com";
		admin().post().uri("/api/v1/invitations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "groups", List.of(testUsersGroup()))).exchange().expectStatus().isCreated();
		signInAsAdmin();
		browser.open("/console/invitations");
		assertThat(browser.text(By.id("mail-not-sent"))).contains("No mail server is configured");
		browser.find(By.cssSelector("button[aria-label='Copy the invitation link of " + email + "']")).click();
		assertThat(browser.acceptConfirmation()).contains("The earlier link stops working");
		browser.waitFor(d -> !d.findElements(By.id("handed-link-value")).isEmpty());
		String link = browser.text(By.id("handed-link-value"));
		assertThat(link).startsWith("http://localhost:8080/console/invitations/accept?token=");
		assertThat(browser.script("return document.activeElement.contains(document.getElementById('handed-link-value'))"))
			.isEqualTo(true);
		browser.screenshot("invitations-copy-link");
		browser.screenshot("invitations-copy-link-phone", 390);

		browser.signOut();
		browser.open(link.substring("http://localhost:8080".length()));
		assertThat(browser.text(By.cssSelector("main"))).contains(email);
	}

	@Test
	void aResetLinkIsCopiedFromTheUserPageAndSetsThePassword() {
		Map<String, Object> user = createUser(unique("handreset"));
		signInAsAdmin();
		browser.open("/console/users/" + user.get("id"));
		browser.byId("copy-reset-link").click();
		assertThat(browser.acceptConfirmation()).contains("No mail server is configured");
		browser.waitFor(d -> !d.findElements(By.id("handed-link-value")).isEmpty());
		String link = browser.text(By.id("handed-link-value"));
		assertThat(link).startsWith("http://localhost:8080/console/password-reset?token=");
		browser.screenshot("user-copy-reset-link");

		browser.signOut();
		browser.open(link.substring("http://localhost:8080".length()));
		browser.type("password", "Handed-Over-9x");
		browser.type("confirmPassword", "Handed-Over-9x");
		browser.byId("password").submit();
		browser.waitForPath("/console/sign-in?done=password-reset");
		browser.signIn((String) user.get("username"), "Handed-Over-9x");
		browser.waitForPath("/console/profile");
	}

	@Test
	void everyPageThatWouldMailALinkSaysItCannot() {
		browser.open("/console/sign-in");
		browser.driver.manage().deleteAllCookies();
		browser.open("/console/forgot-password");
		assertThat(browser.text(By.id("mail-not-sent"))).contains("no reset link can reach you");
		browser.screenshot("forgot-password-no-mail");
		signInAsAdmin();
		browser.open("/console/users/add-people");
		assertThat(browser.text(By.id("mail-not-sent"))).contains("nothing is mailed");
		browser.open("/console/profile");
		assertThat(browser.text(By.id("mail-not-sent"))).contains("confirmation link for a new address cannot be mailed");
	}
}
