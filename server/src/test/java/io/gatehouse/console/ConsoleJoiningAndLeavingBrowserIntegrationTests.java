package io.gatehouse.console;

import java.util.List;
import java.util.Map;

import io.gatehouse.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How people join and leave, in a real browser: invitations accepted through the mailed link, resent and
 * cancelled; Add people with temporary passwords shown once; and deleting a user, refused while they own
 * resources.
 */
class ConsoleJoiningAndLeavingBrowserIntegrationTests extends ConsoleBrowserTest {

	private static final String CHOSEN = "Joined-Today-42";

	@Test
	void anInvitedPersonAcceptsThroughTheMailedLinkAndSignsIn() {
		String username = unique("inv");
		String email = username + "@example.com";
		signInAsAdmin();
		browser.find(By.linkText("Invitations")).click();
		browser.waitForPath("/console/invitations");
		invite(email, "Instance: Viewer");
		browser.waitForDone("invited");
		assertThat(row(email).getText()).contains(username).contains(ADMIN).contains("once");
		browser.screenshot("invitations");

		// a second invitation to the same address is refused on the field
		invite(email, "Instance: Viewer");
		assertThat(browser.text(By.id("email-error"))).isEqualTo("Already has a pending invitation.");

		String link = MailLinks.path(TestMailServer.await(email, "you are invited"));
		assertThat(link).startsWith("/console/invitations/accept?token=");
		browser.driver.manage().deleteAllCookies();
		browser.open(link);
		assertThat(browser.text(By.id("invitation-for"))).isEqualTo("System Administrator invited you to Gatehouse as "
				+ username + " (" + email + ").");
		browser.type("password", "password");
		browser.type("confirmPassword", "password");
		browser.byId("password").submit();
		List<String> rules = browser.find(By.id("password-rules")).findElements(By.tagName("li")).stream()
			.map(WebElement::getText).toList();
		assertThat(rules).hasSizeGreaterThan(1).allMatch(rule -> rule.startsWith("The password "));
		browser.screenshot("accept-invitation");
		browser.type("password", CHOSEN);
		browser.type("confirmPassword", CHOSEN);
		browser.byId("password").submit();
		browser.waitForPath("/console/sign-in?done=invitation-accepted");
		assertThat(browser.text(By.cssSelector("#flash .alert"))).contains("Your account is ready");

		browser.signIn(email, CHOSEN);
		browser.waitForPath("/console/profile");
		assertThat(browser.text(By.cssSelector(".account a"))).isEqualTo(username);
	}

	@Test
	void anInvitationIsResentAndCancelled() {
		String email = unique("rsd") + "@example.com";
		signInAsAdmin();
		browser.open("/console/invitations");
		invite(email, "Instance: Viewer");
		browser.waitForDone("invited");
		String first = MailLinks.path(TestMailServer.await(email, "you are invited"));

		browser.find(By.cssSelector("button[aria-label='Resend to " + email + "']")).click();
		browser.waitForDone("invitation-resent");
		assertThat(row(email).findElement(By.className("sent-count")).getText()).isEqualTo("2 times");
		String second = MailLinks.path(TestMailServer.await(email, "you are invited", 2));
		assertThat(second).isNotEqualTo(first);

		// the first link died with the resend
		browser.open(first);
		assertThat(browser.text(By.id("link-error"))).contains("not valid");

		browser.open("/console/invitations");
		browser.find(By.cssSelector("button[aria-label='Cancel the invitation of " + email + "']")).click();
		browser.acceptConfirmation();
		browser.waitForDone("invitation-cancelled");
		assertThat(browser.driver.findElements(By.cssSelector("tr[data-email='" + email + "']"))).isEmpty();
		// the pending user went with it, and so did the second link
		browser.open(second);
		assertThat(browser.text(By.id("link-error"))).contains("not valid");
	}

	@Test
	void addPeopleShowsTemporaryPasswordsOnceAndTheyMustBeChanged() {
		String first = unique("ppl");
		String second = unique("ppl");
		testUsersGroup();
		signInAsAdmin();
		browser.open("/console/users");
		browser.find(By.linkText("Add people")).click();
		browser.waitForPath("/console/users/add-people");
		browser.type("people", first + "@example.com\nnot-an-email, " + second + "@example.com " + second + "-x");
		new Select(browser.byId("groups")).selectByVisibleText("Test users");
		browser.find(By.xpath("//button[normalize-space()='Create Accounts']")).click();

		List<WebElement> created = browser.find(By.id("created")).findElements(By.cssSelector("tbody tr"));
		assertThat(created).hasSize(2);
		assertThat(created.get(0).getText()).contains(first).contains(first + "@example.com");
		assertThat(created.get(1).getText()).contains(second + "-x");
		String password = browser.text(By.id("temporary-password-0"));
		assertThat(password).isNotBlank();
		assertThat(browser.text(By.id("failed"))).contains("2").contains("not-an-email").contains("Email must be");
		// counts in words, singular and plural
		assertThat(browser.text(By.id("created-accounts"))).contains("2 accounts created.");
		assertThat(browser.text(By.id("failed-lines"))).contains("1 line could not be added:");
		assertThat(browser.byId("people").getAttribute("value")).isEqualTo("not-an-email");
		browser.screenshot("add-people");

		browser.open("/console/users/add-people");
		assertThat(browser.driver.findElements(By.id("created"))).isEmpty();
		assertThat(browser.driver.getPageSource()).doesNotContain(password);

		browser.signIn(first, password);
		browser.waitForPath("/console/password-change");
		browser.type("newPassword", CHOSEN);
		browser.type("confirmPassword", CHOSEN);
		browser.byId("newPassword").submit();
		browser.waitForPath("/console/profile");
	}

	@Test
	void aUserWhoOwnsResourcesIsNotDeletedUntilTheyAreHandedOver() {
		Map<String, Object> user = createUser(unique("del"));
		String workspace = unique("Owned space ");
		String resource = (String) admin().post().uri("/api/v1/resources").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("type", "workspace", "name", workspace, "ownerId", user.get("id")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		signInAsAdmin();
		UserPage page = new UserPage(browser).open(user.get("id"));
		browser.find(By.xpath("//button[normalize-space()='Delete']")).click();
		assertThat(browser.text(By.id("delete-user-title"))).isEqualTo("Delete " + user.get("username") + "?");
		browser.screenshot("delete-user");
		browser.byId("confirm-delete").click();
		assertThat(browser.text(By.id("owned-resources"))).contains("was not deleted: they own 1 resource.")
			.contains(workspace).contains("(workspace)");
		assertThat(page.status()).isEqualTo("Active");

		Object adminId = admin().get().uri("/api/v1/me").exchange().expectBody(JSON).returnResult().getResponseBody().get("id");
		admin().post().uri("/api/v1/resources/{id}/owner", resource).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ownerId", adminId)).exchange().expectStatus().isOk();
		page.open(user.get("id"));
		browser.find(By.xpath("//button[normalize-space()='Delete']")).click();
		browser.byId("confirm-delete").click();
		browser.waitForDone("user-deleted");
		assertThat(browser.text(By.cssSelector("#flash .alert"))).isEqualTo("The user was deleted.");
		admin().get().uri("/api/v1/users/{id}", user.get("id")).exchange().expectStatus().isNotFound();

		// nobody is offered to delete themself
		new UserPage(browser).open(adminId);
		assertThat(browser.driver.findElements(By.xpath("//button[normalize-space()='Delete']"))).isEmpty();
	}

	private void invite(String email, String role) {
		browser.type("email", email);
		new RolePicker(browser).clear().search(role);
		browser.find(By.xpath("//button[normalize-space()='Send invitation']")).click();
	}

	private WebElement row(String email) {
		return browser.find(By.cssSelector("tr[data-email='" + email + "']"));
	}
}
