package io.gatehouse.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The Settings page (System Administrators): each setting shown, saved, and taking effect in the console. */
class ConsoleSettingsBrowserIntegrationTests extends ConsoleBrowserTest {

	/** Every test class shares the database: start and leave every setting at its configured default. */
	@BeforeEach
	@AfterEach
	void backToDefaults() {
		Map<String, Object> reset = new HashMap<>();
		for (String name : List.of("passwordPreset", "deletePolicy", "requireRoleOnCreate", "defaultRole",
				"signInMode", "authorizationMode", "mfaRequired", "sessionIdleTimeout", "sessionAbsoluteTimeout",
				"deliveredMailRetention", "signInRecordRetention", "expiredRetention", "auditRetention")) {
			reset.put(name, null);
		}
		admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON).body(reset).exchange()
			.expectStatus().isOk();
	}

	@Test
	void theNistPresetChosenOnTheSettingsPageRefusesAShortPasswordInResetPassword() {
		Map<String, Object> user = createUser(unique("nist"));
		signInAsAdmin();
		SettingsPage settings = new SettingsPage(browser).open();
		assertThat(settings.selected("passwordPreset")).isEqualTo("complexity");
		browser.screenshot("settings");
		settings.choose("passwordPreset", "nist").save();
		assertThat(settings.notice()).contains("The settings were saved");
		assertThat(settings.selected("passwordPreset")).isEqualTo("nist");
		assertThat(browser.text(By.id("passwordPreset-hint"))).contains("Default: Complexity rules").contains("changed");

		UserPage page = new UserPage(browser).open(user.get("id"));
		// good enough for the complexity preset (12 characters of every class), too short for NIST's 15
		page.resetPassword("Aa1!xYz9#kLm", "Aa1!xYz9#kLm");
		assertThat(page.resetError("reset-password-input")).contains("15");
		browser.screenshot("settings-nist-reset-password");
	}

	@Test
	void choicesReadInPlainWordsAndEachSettingResetsToItsDefault() {
		signInAsAdmin();
		SettingsPage settings = new SettingsPage(browser).open();
		// the words shown, the codes posted
		assertThat(settings.label("passwordPreset", "nist")).isEqualTo("NIST SP 800-63B (at least 15 characters)");
		assertThat(settings.label("deletePolicy", "deactivate-only")).isEqualTo("Deactivate only (never delete)");
		assertThat(settings.label("mfaRequired", "everyone")).isEqualTo("Everyone");
		assertThat(browser.text(By.id("signInMode-hint"))).contains("Default: Passwords kept here");
		// nothing changed yet: nothing to reset
		assertThat(browser.driver.findElements(By.cssSelector("button.reset-setting"))).isEmpty();

		settings.choose("deletePolicy", "deactivate-only").choose("requireRoleOnCreate", "false").save();
		assertThat(settings.selected("deletePolicy")).isEqualTo("deactivate-only");
		browser.screenshot("settings-changed");
		browser.find(By.cssSelector("button[aria-label='Reset Delete policy to its default']")).click();
		browser.waitFor(d -> !d.findElements(By.cssSelector("#flash .alert")).isEmpty());
		assertThat(settings.notice()).contains("back to its default");
		assertThat(settings.selected("deletePolicy")).isEqualTo("allowed");
		assertThat(browser.text(By.id("deletePolicy-hint"))).doesNotContain("changed");
		// the other setting changed stays as it was
		assertThat(settings.selected("requireRoleOnCreate")).isEqualTo("false");
		admin().get().uri("/api/v1/settings").exchange().expectBody()
			.jsonPath("$.deletePolicy").isEqualTo("allowed")
			.jsonPath("$.requireRoleOnCreate").isEqualTo("false");
	}

	@Test
	void externalSignInHidesNewUserAndExternalAuthorizationLocksTheRoles() {
		Map<String, Object> user = createUser(unique("locked"));
		signInAsAdmin();
		browser.open("/console/users");
		browser.find(By.xpath("//a[normalize-space()='+ New User']"));
		browser.find(By.xpath("//a[normalize-space()='Add people']"));

		SettingsPage settings = new SettingsPage(browser).open();
		settings.choose("signInMode", "external").choose("authorizationMode", "external").saveConfirmed();
		assertThat(settings.notice()).contains("The settings were saved");

		browser.open("/console/users");
		browser.find(By.id("user-results"));
		assertThat(browser.script("return document.querySelector('.page-head').innerText")).asString()
			.doesNotContain("+ New User").doesNotContain("Add people").doesNotContain("Invite");
		browser.screenshot("users-list-sign-in-external");

		new UserPage(browser).open(user.get("id"));
		assertThat(browser.byId("assignments-locked").getText()).contains("Authorization is external");
		// no password is set or reset here for someone who signs in through the provider
		assertThat(browser.script("return document.body.innerText")).asString()
			.doesNotContain("Reset Password").doesNotContain("Generate temporary password");
		assertThat(browser.byId("groups").isEnabled()).isFalse();
		browser.screenshot("user-authorization-external");
		// saving the form leaves the locked groups as they are
		browser.type("department", "Ops");
		browser.find(By.xpath("//button[normalize-space()='Save']")).click();
		assertThat(new UserPage(browser).notice()).contains("Your changes were saved");
	}

	@Test
	void theIdentityOfAnSsoUserIsReadOnly() {
		Map<String, Object> user = createUser(unique("sso"));
		jdbc.sql("UPDATE users_account SET source = 'OIDC' WHERE id = ?")
			.param(java.util.UUID.fromString((String) user.get("id"))).update();
		signInAsAdmin();
		new UserPage(browser).open(user.get("id"));
		assertThat(browser.byId("identity-locked").getText()).contains("oidc");
		assertThat(browser.byId("email").getAttribute("readonly")).isNotNull();
		assertThat(browser.byId("timeZone").isEnabled()).isFalse();
		assertThat(browser.script("return document.body.innerText.includes('Reset Password')")).isEqualTo(false);
		browser.screenshot("user-sso-identity-read-only");
		// the unchanged form still saves: nothing locked was changed
		browser.find(By.xpath("//button[normalize-space()='Save']")).click();
		assertThat(new UserPage(browser).notice()).contains("Your changes were saved");
	}

	@Test
	void aBadValueIsShownNextToItsField() {
		signInAsAdmin();
		SettingsPage settings = new SettingsPage(browser).open();
		settings.type("sessionIdleTimeout", "2d").save();
		assertThat(settings.error("sessionIdleTimeout")).contains("between 1m and 1d");
		settings.type("sessionIdleTimeout", "13h").save();
		assertThat(settings.error("sessionIdleTimeout")).contains("sessionAbsoluteTimeout");
		browser.screenshot("settings-invalid");
		admin().get().uri("/api/v1/settings").exchange().expectBody().jsonPath("$.sessionIdleTimeout").isEqualTo("PT30M");
	}

	@Test
	void retentionPeriodsAreShownAsPeopleWriteThemAndAuditEventsAreKeptForeverByDefault() {
		signInAsAdmin();
		SettingsPage settings = new SettingsPage(browser).open();
		assertThat(browser.byId("signInRecordRetention").getAttribute("value")).isEqualTo("365d");
		assertThat(browser.byId("auditRetention").getAttribute("value")).isEqualTo("forever");
		assertThat(browser.text(By.id("auditRetention-hint"))).contains("Default: forever");
		settings.type("auditRetention", "sometimes").save();
		assertThat(settings.error("auditRetention")).contains("forever or a duration");
		settings.type("auditRetention", "730d").save();
		assertThat(settings.notice()).contains("The settings were saved");
		assertThat(browser.byId("auditRetention").getAttribute("value")).isEqualTo("730d");
		assertThat(browser.text(By.id("auditRetention-hint"))).contains("changed");
		browser.screenshot("settings-retention");
		admin().get().uri("/api/v1/settings").exchange().expectBody()
			.jsonPath("$.auditRetention").isEqualTo("PT17520H")
			.jsonPath("$.signInRecordRetention").isEqualTo("PT8760H");
	}

	@Test
	void aNonAdministratorDoesNotSeeSettingsAndAForgedPostIsRefused() {
		String name = unique("plain");
		createUser(name);
		browser.signIn(name, PASSWORD);
		browser.open("/console/profile");
		browser.find(By.id("main"));
		assertThat(browser.find(By.cssSelector("header.topbar")).getText()).doesNotContain("Settings");

		browser.open("/console/settings");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not allowed");
		browser.consoleErrors();

		// a form made by a hostile page script, with the console's own CSRF token: the domain still says no
		browser.open("/console/profile");
		browser.find(By.id("main"));
		browser.script("""
				const form = document.createElement('form');
				form.method = 'post';
				form.action = '/console/settings';
				for (const [name, value] of [['passwordPreset', 'nist'],
						['_csrf', document.querySelector('meta[name=csrf-token]').content]]) {
				  const input = document.createElement('input');
				  input.type = 'hidden'; input.name = name; input.value = value;
				  form.appendChild(input);
				}
				document.body.appendChild(form);
				form.submit();""");
		browser.waitForPath("/console/settings");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not allowed");
		browser.screenshot("settings-forged-post");
		assertThat(browser.consoleErrors()).anyMatch(error -> error.contains("403"));
		admin().get().uri("/api/v1/settings").exchange().expectBody().jsonPath("$.passwordPreset").isEqualTo("complexity");
	}

	@Test
	void aReaderSeesTheSettingsButCannotChangeThem() {
		String name = unique("reader");
		Map<String, Object> role = admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Settings reader"), "permissions", List.of("settings:read")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
		createUser(Map.of("username", name, "email", name + "@example.com", "password", PASSWORD, "bindings",
				List.of(Map.of("roleId", role.get("id")))));
		browser.signIn(name, PASSWORD);
		browser.find(By.xpath("//nav[@aria-label='Sections']/a[normalize-space()='Settings']")).click();
		browser.byId("settings-form");
		assertThat(browser.byId("passwordPreset").isEnabled()).isFalse();
		assertThat(browser.script("return document.body.innerText.includes('Save settings')")).isEqualTo(false);
		assertThat(browser.text(By.id("main"))).contains("You may read these settings but not change them");
		browser.screenshot("settings-read-only");
	}
}
