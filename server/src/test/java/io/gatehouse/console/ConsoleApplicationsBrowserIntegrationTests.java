package io.gatehouse.console;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications in a real browser: one registered with its secret shown once (and copied), changed, given a new
 * secret after a confirmation that names the overlap, and deleted after a confirmation; a refused field told next to
 * it with what was typed kept; a public one has no secret at all.
 */
class ConsoleApplicationsBrowserIntegrationTests extends ConsoleBrowserTest {

	static final String PAGE = "/console/applications";

	@Test
	void anAdministratorRegistersEditsRotatesAndDeletesAnApplication() {
		signInAsAdmin();
		browser.open("/console/users");
		browser.find(By.linkText("Applications")).click();
		browser.waitForPath(PAGE);
		browser.find(By.linkText("+ Register application")).click();
		browser.waitForPath(PAGE + "/new");

		String name = unique("Billing ");
		browser.type("app-name", name);
		browser.type("redirect-uris", "https://billing.example/callback\nhttp://localhost:8080/callback");
		browser.byId("grant-client_credentials").click();
		browser.byId("first-party").click();
		browser.screenshot("application-register");
		browser.find(By.cssSelector("#application-form button[type=submit]")).click();

		String secret = browser.find(By.id("client-secret")).getText();
		String clientId = browser.text(By.id("client-id"));
		assertThat(secret).isNotBlank();
		assertThat(browser.text(By.id("application-secret"))).contains(name, "shown this once", clientId);
		browser.screenshot("application-secret-shown");
		browser.find(By.cssSelector("button[data-copy='client-secret']")).click();
		browser.waitFor(d -> List.of("Copied", "Select and copy it")
			.contains(browser.driver.findElement(By.cssSelector("button[data-copy='client-secret']")).getText()));
		assertThat(clientCredentials(clientId, secret)).isEqualTo(200);
		String id = applicationId(clientId);

		// shown once: neither the application's page nor the list shows it again
		browser.open(PAGE + "/" + id);
		assertThat(browser.driver.findElements(By.id("client-secret"))).isEmpty();
		assertThat(browser.driver.getPageSource()).doesNotContain(secret);
		browser.open(PAGE);
		String row = "//table[@id='applications']//tr[td[1][normalize-space()='" + name + "']]";
		assertThat(browser.text(By.xpath(row + "/td[2]"))).isEqualTo(clientId);
		assertThat(browser.text(By.xpath(row + "/td[3]"))).isEqualTo("Confidential");
		assertThat(browser.text(By.xpath(row + "/td[4]"))).isEqualTo("First-party");
		assertThat(browser.driver.getPageSource()).doesNotContain(secret);
		browser.screenshot("applications-list");

		// edit: renamed, third-party now, one redirect URI less
		browser.find(By.linkText(name)).click();
		browser.waitForPath(PAGE + "/" + id);
		// one per line, in the order the authorization server keeps them
		assertThat(browser.byId("redirect-uris").getAttribute("value").split("\n"))
			.containsExactlyInAnyOrder("https://billing.example/callback", "http://localhost:8080/callback");
		String renamed = name + " renamed";
		browser.type("app-name", renamed);
		browser.type("redirect-uris", "https://billing.example/callback");
		browser.byId("first-party").click();
		browser.find(By.cssSelector("#application-form button[type=submit]")).click();
		browser.waitForDone("saved");
		assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo(renamed);
		assertThat(browser.byId("redirect-uris").getAttribute("value")).isEqualTo("https://billing.example/callback");
		assertThat(browser.byId("first-party").isSelected()).isFalse();
		admin().get().uri("/api/v1/applications/{id}", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.name").isEqualTo(renamed)
			.jsonPath("$.firstParty").isEqualTo(false);

		// rotate: the confirmation names the consequence and the overlap chosen
		new Select(browser.byId("overlap")).selectByValue("PT0S");
		browser.find(By.cssSelector("#rotate-form button[type=submit]")).click();
		assertThat(browser.dismissConfirmation()).contains("Rotate the secret of " + renamed, "stops working at once");
		assertThat(clientCredentials(clientId, secret)).isEqualTo(200);
		new Select(browser.byId("overlap")).selectByValue("PT24H");
		browser.find(By.cssSelector("#rotate-form button[type=submit]")).click();
		assertThat(browser.acceptConfirmation()).contains("keeps working for 24 hours");
		String rotated = browser.find(By.id("client-secret")).getText();
		assertThat(rotated).isNotBlank().isNotEqualTo(secret);
		assertThat(browser.text(By.id("previous-secret"))).startsWith("The previous secret keeps working until");
		browser.screenshot("application-secret-rotated");
		assertThat(clientCredentials(clientId, rotated)).isEqualTo(200);
		assertThat(clientCredentials(clientId, secret)).as("within the overlap").isEqualTo(200);

		// delete, after a confirmation
		browser.open(PAGE + "/" + id);
		By delete = By.xpath("//button[normalize-space()='Delete application']");
		browser.find(delete).click();
		assertThat(browser.dismissConfirmation()).contains("Delete the application " + renamed + "?", "stop working");
		admin().get().uri("/api/v1/applications/{id}", id).exchange().expectStatus().isOk();
		browser.find(delete).click();
		browser.acceptConfirmation();
		browser.waitForDone("application-deleted");
		assertThat(browser.driver.findElements(By.linkText(renamed))).isEmpty();
		admin().get().uri("/api/v1/applications/{id}", id).exchange().expectStatus().isNotFound();
		assertThat(clientCredentials(clientId, rotated)).isEqualTo(401);
	}

	@Test
	void aRefusedFieldIsToldNextToItAndWhatWasTypedIsKept() {
		signInAsAdmin();
		browser.open(PAGE + "/new");
		String name = unique("Refused ");
		browser.type("app-name", name);
		browser.type("redirect-uris", "http://billing.example/callback");
		browser.byId("type-public").click();
		browser.byId("grant-client_credentials").click();
		browser.find(By.cssSelector("#application-form button[type=submit]")).click();

		assertThat(browser.text(By.id("redirect-uris-error"))).contains("must use https, except on localhost");
		assertThat(browser.byId("redirect-uris").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.text(By.id("grant-types-error"))).contains("cannot use client_credentials");
		assertThat(browser.byId("app-name").getAttribute("value")).isEqualTo(name);
		assertThat(browser.byId("redirect-uris").getAttribute("value")).isEqualTo("http://billing.example/callback");
		assertThat(browser.byId("type-public").isSelected()).isTrue();
		assertThat(browser.byId("grant-client_credentials").isSelected()).isTrue();
		assertThat(browser.driver.findElements(By.id("client-secret"))).isEmpty();
		browser.screenshot("application-field-errors");
		admin().get().uri("/api/v1/applications").exchange().expectBody(String.class)
			.value(list -> assertThat(list).doesNotContain(name));
	}

	@Test
	void aPublicApplicationIsRegisteredWithoutASecret() {
		signInAsAdmin();
		browser.open(PAGE + "/new");
		String name = unique("Cli ");
		browser.type("app-name", name);
		browser.type("redirect-uris", "http://127.0.0.1:7777/callback");
		browser.byId("type-public").click();
		browser.find(By.cssSelector("#application-form button[type=submit]")).click();
		browser.waitForDone("application-created");
		assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo(name);
		assertThat(browser.text(By.id("client-type"))).startsWith("Public");
		assertThat(browser.driver.findElements(By.id("client-secret"))).isEmpty();
		assertThat(browser.driver.findElements(By.id("rotate-form"))).as("no secret to rotate").isEmpty();
	}

	private String applicationId(String clientId) {
		List<?> all = admin().get().uri("/api/v1/applications").exchange().expectStatus().isOk()
			.expectBody(List.class).returnResult().getResponseBody();
		return all.stream().map(a -> (java.util.Map<?, ?>) a).filter(a -> clientId.equals(a.get("clientId")))
			.map(a -> (String) a.get("id")).findFirst().orElseThrow();
	}

	private int clientCredentials(String clientId, String secret) {
		return anonymous().post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.headers(headers -> headers.setBasicAuth(clientId, secret))
			.body("grant_type=client_credentials").exchange().returnResult(String.class).getStatus().value();
	}
}
