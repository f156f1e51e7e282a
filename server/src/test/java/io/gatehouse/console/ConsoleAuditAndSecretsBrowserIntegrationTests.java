package io.gatehouse.console;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the audit log read by names with its filters' suggestions and exports, and one-time secrets
 * (a temporary password, new accounts' passwords, a new token) brought into view, copied and downloaded.
 */
class ConsoleAuditAndSecretsBrowserIntegrationTests extends ConsoleBrowserTest {

	@Test
	void theAuditLogNamesWhatEventsAreAboutAndSuggestsActorsAndActions() {
		Map<String, Object> user = createUser(unique("aud"));
		String group = (String) admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Short-lived "))).exchange().expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("id");
		admin().delete().uri("/api/v1/groups/" + group).exchange().expectStatus().is2xxSuccessful();
		signInAsAdmin();

		browser.open("/console/audit?action=user.created&targetId=" + user.get("id"));
		WebElement target = browser.find(By.cssSelector("#audit-events td.audit-target a"));
		assertThat(target.getText()).isEqualTo(user.get("username"));
		assertThat(target.getAttribute("href")).endsWith("/console/users/" + user.get("id"));

		browser.open("/console/audit?action=group.*&targetId=" + group);
		assertThat(browser.text(By.id("audit-events"))).contains("group.deleted", "(deleted)");
		assertThat(browser.find(By.id("export-csv")).getAttribute("href")).contains("/console/audit/export?",
				"action=group.*", "targetId=" + group, "format=csv");
		assertThat(browser.find(By.id("export-jsonl")).getAttribute("href")).contains("format=jsonl");

		// the actor box suggests usernames as one types; the action box lists the actions
		browser.open("/console/audit");
		assertThat(browser.byId("action").getAttribute("list")).isEqualTo("action-choices");
		assertThat(browser.driver.findElements(By.cssSelector("#action-choices option[value='user.created']"))).hasSize(1);
		browser.byId("actor").sendKeys("admi");
		browser.waitFor(d -> !d.findElements(By.cssSelector("#actor-suggestions option[value='admin']")).isEmpty());
		browser.screenshot("audit-log");
		browser.screenshot("audit-log-phone", 390);
	}

	@Test
	void aTemporaryPasswordIsBroughtIntoViewAndFocused() {
		Map<String, Object> user = createUser(unique("focus"));
		signInAsAdmin();
		String temporary = new UserPage(browser).open(user.get("id")).generateTemporaryPassword();
		assertThat(temporary).isNotBlank();
		browser.waitFor(d -> Boolean.TRUE.equals(browser.script(
				"return document.activeElement.matches('.alert.secret') && document.activeElement.contains(document.getElementById('temporary-password-value'))")));
	}

	@Test
	void addPeopleOffersEveryNewPasswordToCopyOrDownloadAtOnce() {
		String first = unique("csv");
		String second = unique("csv");
		testUsersGroup();
		signInAsAdmin();
		browser.open("/console/users/add-people");
		browser.type("people", first + "@example.com\n" + second + "@example.com");
		new Select(browser.byId("groups")).selectByVisibleText("Test users");
		browser.find(By.xpath("//button[normalize-space()='Create Accounts']")).click();
		browser.waitFor(d -> !d.findElements(By.id("created")).isEmpty());

		String password = browser.text(By.id("temporary-password-0"));
		String csv = (String) browser.script("return document.getElementById('created-accounts-csv').textContent");
		// the page's text has the parser's line ends
		assertThat(csv.strip().split("\n")).hasSize(3);
		assertThat(csv).startsWith("\"username\",\"email\",\"temporaryPassword\"\n")
			.contains("\"" + first + "\",\"" + first + "@example.com\",\"" + password + "\"");
		String lines = (String) browser.script("return document.getElementById('created-accounts-lines').textContent");
		assertThat(lines).contains(first + "\t" + first + "@example.com\t" + password + "\n", second + "\t");
		assertThat(browser.byId("download-accounts").getAttribute("data-filename")).isEqualTo("accounts.csv");
		assertThat(browser.byId("copy-all-accounts").isDisplayed()).isTrue();
		assertThat(browser.script("return document.activeElement.id")).isEqualTo("created-accounts");
		browser.screenshot("add-people-copy-all");
	}

	@Test
	void aTokenLimitedInTheConsoleDoesOnlyWhatWasChosen() {
		signInAsAdmin();
		browser.open("/console/profile");
		String name = unique("read-only ");
		browser.type("token-name", name);
		new Select(browser.byId("token-permissions")).selectByValue("users:read");
		browser.find(By.xpath("//button[normalize-space()='Create token']")).click();
		String token = browser.text(By.id("issued-token"));
		assertThat(browser.text(By.id("issued-token-scope"))).isEqualTo("Limited to users:read.");
		assertThat(browser.script("return document.activeElement.contains(document.getElementById('issued-token'))"))
			.isEqualTo(true);
		browser.screenshot("profile-scoped-token");

		withToken(token).get().uri("/api/v1/users").exchange().expectStatus().isOk();
		withToken(token).post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Denied "))).exchange().expectStatus().isForbidden();
	}
}
