package io.gatehouse.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings → SCIM provisioning in a real browser: a client registered with its token shown once (and copied), its last
 * use listed, revoked after a confirmation; the tab and the page only for whoever may register a client.
 */
class ConsoleScimClientsBrowserIntegrationTests extends ConsoleBrowserTest {

	static final String PAGE = "/console/settings/scim-clients";

	@Test
	void anAdministratorRegistersAClientSeesItsLastUseAndRevokesIt() {
		signInAsAdmin();
		browser.open("/console/settings");
		browser.find(By.linkText("SCIM provisioning")).click();
		browser.waitForPath(PAGE);
		assertThat(browser.text(By.id("scim-base"))).endsWith("/scim/v2");

		String name = unique("Okta ");
		browser.type("client-name", name);
		browser.byId("client-name").submit();
		String token = browser.byId("registered-token").getText();
		assertThat(token).startsWith("gh_pat_");
		assertThat(browser.text(By.id("registered-client"))).contains(name, "shown this once");
		browser.screenshot("scim-client-registered");
		browser.find(By.cssSelector("button[data-copy='registered-token']")).click();
		browser.waitFor(d -> List.of("Copied", "Select and copy it")
			.contains(browser.driver.findElement(By.cssSelector("button[data-copy='registered-token']")).getText()));

		withToken(token).get().uri("/scim/v2/Users?count=1").exchange().expectStatus().isOk();
		browser.open(PAGE);
		assertThat(browser.driver.findElements(By.id("registered-token"))).isEmpty();
		assertThat(browser.text(By.id("scim-clients"))).doesNotContain(token);
		String row = "//table[@id='scim-clients']//tr[td[1][normalize-space()='" + name + "']]";
		assertThat(browser.text(By.xpath(row + "/td[2]"))).startsWith(token.substring(0, 10));
		assertThat(browser.text(By.xpath(row + "/td[5]"))).as("last used").isNotEqualTo("Never");

		By revoke = By.cssSelector("button[aria-label='Revoke " + name + "']");
		browser.find(revoke).click();
		assertThat(browser.dismissConfirmation()).contains("Revoke the SCIM client " + name + "?");
		withToken(token).get().uri("/scim/v2/Users?count=1").exchange().expectStatus().isOk();
		browser.find(revoke).click();
		browser.acceptConfirmation();
		browser.waitForDone("scim-client-revoked");
		assertThat(browser.driver.findElements(revoke)).isEmpty();
		withToken(token).get().uri("/scim/v2/Users?count=1").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aNameIsRequiredAndKeptWhenTheDateIsRefused() {
		signInAsAdmin();
		browser.open(PAGE);
		browser.byId("client-name").submit();
		browser.find(By.id("client-name-error"));
		assertThat(browser.byId("client-name").getAttribute("aria-invalid")).isEqualTo("true");
		browser.type("client-name", "Entra ID");
		browser.script("document.getElementById('client-expires').value = '2001-01-01'");
		browser.byId("client-name").submit();
		browser.find(By.id("client-expires-error"));
		assertThat(browser.byId("client-name").getAttribute("value")).isEqualTo("Entra ID");
		assertThat(browser.driver.findElements(By.id("registered-token"))).isEmpty();
	}

	@Test
	void onlyWhoMayRegisterAClientSeesTheTabAndThePage() {
		String role = admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Settings keeper "), "permissions", List.of("settings:read", "settings:update")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id").toString();
		String name = unique("keeper");
		Map<String, Object> keeper = createUser(name);
		bind(admin(), "00000000-0000-0000-0000-000000000001", keeper, UUID.fromString(role)).expectStatus().isCreated();

		browser.signIn(name, PASSWORD);
		browser.open("/console/settings");
		browser.find(By.cssSelector("main h1"));
		assertThat(browser.driver.findElements(By.linkText("SCIM provisioning"))).isEmpty();
		browser.open(PAGE);
		assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Not allowed");
		assertThat(browser.driver.findElements(By.id("scim-client-form"))).isEmpty();
		// the refusal is a real 403, which the browser reports; nothing else may be in its console
		assertThat(browser.consoleErrors()).singleElement().asString().contains(PAGE, "403");
	}
}
