package io.gatehouse.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Resources;
import io.gatehouse.sso.SamlIdentityProviderRig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings → Sign-in, as an administrator uses it: a SAML and an OIDC provider added, edited, tested, disabled and
 * deleted, their mappings kept, the client secret never shown, and the sign-in mode switched with its confirmation.
 */
class ConsoleSignInSettingsBrowserIntegrationTests extends ConsoleBrowserTest {

	private static final SamlIdentityProviderRig idp = new SamlIdentityProviderRig();

	@AfterEach
	void localSignInAgain() {
		Map<String, Object> reset = new HashMap<>();
		reset.put("signInMode", null);
		admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON).body(reset).exchange()
			.expectStatus().isOk();
	}

	@Test
	void aSamlProviderIsAddedWithAMappingEditedTestedAndDisabled() {
		String alias = unique("saml-c");
		signInAsAdmin();
		browser.open("/console/settings");
		browser.byId("sign-in-settings").click();
		browser.waitForPath("/console/settings/sign-in");
		browser.byId("new-saml").click();
		browser.waitForPath("/console/settings/sign-in/new");
		browser.type("displayName", "Acme SAML");
		browser.type("alias", alias);
		browser.script("document.getElementById('metadataXml').value = arguments[0]", idp.metadata(alias));
		browser.type("mappingClaim-0", "groups");
		browser.type("mappingValue-0", "gh-editors");
		new Select(browser.byId("mappingTarget-0"))
			.selectByValue("role:" + BuiltInRoles.EDITOR + ":" + Resources.INSTANCE);
		browser.screenshot("sign-in-settings-new-saml");
		browser.find(By.xpath("//button[normalize-space()='Save']")).click();
		browser.waitFor(d -> !d.findElements(By.cssSelector("#flash .alert")).isEmpty());
		assertThat(browser.text(By.cssSelector("#flash .alert"))).contains("The identity provider was saved");
		String row = browser.text(By.id("provider-" + alias));
		assertThat(row).contains("Acme SAML").contains("SAML 2.0").contains("Enabled")
			.contains("/sso/saml/metadata/" + alias);
		browser.screenshot("sign-in-settings-list");

		Map<String, Object> saved = provider(alias);
		assertThat(saved).containsEntry("issuer", SamlIdentityProviderRig.entityId(alias));
		assertThat((List<?>) saved.get("mappings")).hasSize(1);

		// edit: the mapping is there, the SP metadata address shown, the metadata kept when left empty
		browser.find(By.linkText("Acme SAML")).click();
		browser.waitFor(d -> !d.findElements(By.id("provider-form")).isEmpty());
		assertThat(browser.byId("mappingClaim-0").getAttribute("value")).isEqualTo("groups");
		assertThat(browser.text(By.id("sp-metadata-url"))).endsWith("/sso/saml/metadata/" + alias);
		browser.byId("displayName").clear();
		browser.type("displayName", "Acme single sign-on");
		browser.find(By.xpath("//button[normalize-space()='Save']")).click();
		browser.waitFor(d -> !d.findElements(By.cssSelector("#flash .alert")).isEmpty());
		assertThat(browser.text(By.id("provider-" + alias))).contains("Acme single sign-on");
		assertThat((List<?>) provider(alias).get("mappings")).hasSize(1);

		browser.byId("test-" + alias).click();
		browser.waitFor(d -> !d.findElements(By.id("test-result")).isEmpty());
		assertThat(browser.text(By.id("test-result"))).contains(SamlIdentityProviderRig.entityId(alias));
		browser.screenshot("sign-in-settings-tested");

		browser.byId("disable-" + alias).click();
		browser.waitFor(d -> !d.findElements(By.id("enable-" + alias)).isEmpty());
		assertThat(browser.text(By.id("provider-" + alias))).contains("Disabled");
		assertThat(provider(alias)).containsEntry("enabled", false);
	}

	@Test
	void anOidcProvidersSecretIsWriteOnlyAndDeletingAsksFirst() {
		String alias = unique("oidc-c");
		signInAsAdmin();
		browser.open("/console/settings/sign-in");
		browser.byId("new-oidc").click();
		browser.waitForPath("/console/settings/sign-in/new");
		browser.type("displayName", "Keycloak");
		browser.type("alias", alias);
		browser.type("issuer", "https://sso.example.com/realms/" + alias);
		browser.type("clientId", "gatehouse");
		browser.type("clientSecret", "s3cret-value");
		browser.find(By.xpath("//button[normalize-space()='Save']")).click();
		browser.waitFor(d -> !d.findElements(By.cssSelector("#flash .alert")).isEmpty());
		assertThat(provider(alias)).containsEntry("clientSecretSet", true);

		browser.find(By.linkText("Keycloak")).click();
		browser.waitFor(d -> !d.findElements(By.id("provider-form")).isEmpty());
		assertThat(browser.byId("clientSecret").getAttribute("value")).isEmpty();
		assertThat(browser.script("return document.documentElement.outerHTML")).asString().doesNotContain("s3cret-value");
		assertThat(browser.text(By.id("clientSecret-hint"))).contains("never shown");
		browser.screenshot("sign-in-settings-edit-oidc");
		// saved without typing a secret: the stored one stays
		browser.find(By.xpath("//button[normalize-space()='Save']")).click();
		browser.waitFor(d -> !d.findElements(By.cssSelector("#flash .alert")).isEmpty());
		assertThat(provider(alias)).containsEntry("clientSecretSet", true);

		browser.byId("delete-" + alias).click();
		assertThat(browser.dismissConfirmation()).contains("Delete Keycloak?");
		assertThat(provider(alias)).isNotNull();
		browser.byId("delete-" + alias).click();
		browser.acceptConfirmation();
		browser.waitFor(d -> d.findElements(By.id("provider-" + alias)).isEmpty());
		assertThat(provider(alias)).isNull();
	}

	@Test
	void theSignInModeIsSwitchedToSsoOnlyAfterAConfirmation() {
		signInAsAdmin();
		browser.open("/console/settings/sign-in");
		new Select(browser.byId("signInMode")).selectByValue("external");
		browser.find(By.xpath("//button[normalize-space()='Save sign-in mode']")).click();
		assertThat(browser.acceptConfirmation()).contains("Switch the sign-in mode to external?");
		browser.waitFor(d -> !d.findElements(By.cssSelector("#flash .alert")).isEmpty());
		assertThat(new Select(browser.byId("signInMode")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("external");
		admin().get().uri("/api/v1/settings").exchange().expectBody().jsonPath("$.signInMode").isEqualTo("external");
		browser.screenshot("sign-in-settings-sso-only");
	}

	private Map<String, Object> provider(String alias) {
		List<Map<String, Object>> all = admin().get().uri("/api/v1/identity-providers").exchange()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		return all.stream().filter(p -> alias.equals(p.get("alias"))).findFirst().orElse(null);
	}
}
