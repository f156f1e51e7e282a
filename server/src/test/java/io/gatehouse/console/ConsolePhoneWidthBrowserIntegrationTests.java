package io.gatehouse.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console on a phone, 390 pixels wide: every main page fits without scrolling sideways (shot at desktop and
 * phone width), the menu folds behind a button that works by keyboard, the users list is one search box with a
 * Filters button and shows users as cards, and tabs wrap.
 */
class ConsolePhoneWidthBrowserIntegrationTests extends ConsoleBrowserTest {

	static final int PHONE = 390;

	@AfterEach
	void backToDesktop() {
		if (browser != null) {
			browser.width(1280);
		}
	}

	@Test
	void everyMainPageFitsAPhoneWithoutScrollingSideways() {
		String name = unique("phone");
		Map<String, Object> user = createUser(Map.of("username", name, "email", name + "@a-rather-long-domain.example",
				"firstName", "Maximiliana", "lastName", "Vandersteenhoven-Oppenheimer", "password", PASSWORD));
		String group = (String) admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Phone group "))).exchange().expectBody(JSON).returnResult().getResponseBody()
			.get("id");
		String workspace = createResource(admin(), "workspace", unique("Phone workspace "), null);
		String id = (String) user.get("id");
		String application = (String) admin().post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Phone application "), "type", "confidential", "redirectUris",
					List.of("https://a-rather-long-host-name.phone.example/oauth2/callback/gatehouse"),
					"grantTypes", List.of("authorization_code", "refresh_token", "client_credentials")))
			.exchange().expectBody(JSON).returnResult().getResponseBody().get("id");
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("users", "/console/users");
		pages.put("user-new", "/console/users/new");
		pages.put("user-details", "/console/users/" + id);
		pages.put("user-activity", "/console/users/" + id + "/activity");
		pages.put("user-security", "/console/users/" + id + "/security");
		pages.put("user-sessions", "/console/users/" + id + "/sessions");
		pages.put("user-tokens", "/console/users/" + id + "/tokens");
		pages.put("user-allowlist", "/console/users/" + id + "/ip-allowlist");
		pages.put("user-audit", "/console/users/" + id + "/audit");
		pages.put("add-people", "/console/users/add-people");
		pages.put("invitations", "/console/invitations");
		pages.put("groups", "/console/groups");
		pages.put("group", "/console/groups/" + group);
		pages.put("group-new", "/console/groups/new");
		pages.put("roles", "/console/roles");
		pages.put("role", "/console/roles/00000000-0000-0000-0000-0000000000a3");
		pages.put("role-new", "/console/roles/new");
		pages.put("resources", "/console/resources");
		pages.put("resource", "/console/resources/" + workspace);
		pages.put("applications", "/console/applications");
		pages.put("application", "/console/applications/" + application);
		pages.put("application-new", "/console/applications/new");
		pages.put("audit", "/console/audit");
		pages.put("settings", "/console/settings");
		pages.put("scim-clients", "/console/settings/scim-clients");
		pages.put("sign-in-settings", "/console/settings/sign-in");
		pages.put("sign-in-provider-new", "/console/settings/sign-in/new?protocol=saml");
		pages.put("profile", "/console/profile");
		signInAsAdmin();
		pages.forEach((page, path) -> {
			browser.width(1280);
			browser.open(path);
			browser.find(By.cssSelector("main h1"));
			browser.screenshot("desktop-" + page);
			browser.width(PHONE);
			browser.open(path);
			browser.find(By.cssSelector("main h1"));
			assertThat(browser.overflow()).as(page + " at " + PHONE + " px").isEmpty();
			assertThat((Long) browser.script("return document.documentElement.scrollWidth")).as(page)
				.isLessThanOrEqualTo(PHONE);
			browser.screenshot("phone-" + page, PHONE);
		});
		browser.open("/console/sign-in");
	}

	@Test
	void theMenuFoldsBehindAButtonThatWorksByKeyboard() {
		signInAsAdmin();
		browser.width(PHONE);
		browser.open("/console/groups");
		WebElement menu = browser.find(By.cssSelector("button.menu-toggle"));
		WebElement sections = browser.driver.findElement(By.id("sections"));
		assertThat(sections.isDisplayed()).isFalse();
		assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");

		menu.sendKeys(Keys.ENTER);
		browser.waitFor(d -> sections.isDisplayed());
		assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
		browser.screenshot("phone-menu-open", PHONE);
		browser.width(PHONE);
		assertThat(browser.overflow()).isEmpty();
		sections.findElement(By.linkText("Users")).click();
		browser.waitForPath("/console/users");

		WebElement again = browser.find(By.cssSelector("button.menu-toggle"));
		again.sendKeys(Keys.SPACE);
		browser.waitFor(d -> browser.driver.findElement(By.id("sections")).isDisplayed());
		again.sendKeys(Keys.SPACE);
		browser.waitFor(d -> !browser.driver.findElement(By.id("sections")).isDisplayed());

		// at desktop width there is nothing to fold
		browser.width(1280);
		browser.open("/console/groups");
		assertThat(browser.byId("sections").isDisplayed()).isTrue();
		assertThat(browser.driver.findElement(By.cssSelector("button.menu-toggle")).isDisplayed()).isFalse();
	}

	@Test
	void theUsersListIsOneSearchBoxWithFiltersBehindAButtonAndUsersAsCards() {
		String tag = unique("card").toLowerCase();
		createUser(tag + "-a");
		createUser(tag + "-b");
		signInAsAdmin();
		browser.width(PHONE);
		UserListPage list = new UserListPage(browser);
		browser.open("/console/users");
		assertThat(browser.byId("q").isDisplayed()).isTrue();
		assertThat(browser.driver.findElement(By.id("status")).isDisplayed()).isFalse();
		WebElement filters = browser.find(By.cssSelector("button.filters-toggle"));
		filters.click();
		assertThat(browser.byId("status").isDisplayed()).isTrue();
		assertThat(filters.getAttribute("aria-expanded")).isEqualTo("true");
		list.search(tag);
		assertThat(list.usernames()).containsExactly(tag + "-a", tag + "-b");
		List<WebElement> rows = browser.driver.findElements(By.cssSelector("#user-results tbody tr"));
		// a card: the row is a block, as wide as the list, with each cell on a line of its own
		assertThat(rows).allSatisfy(row -> assertThat(row.getCssValue("display")).isEqualTo("block"));
		assertThat(rows.get(0).getSize().getWidth()).isLessThanOrEqualTo(PHONE);
		assertThat(browser.overflow()).isEmpty();
		browser.screenshot("phone-users-cards", PHONE);

		// a user's tabs wrap instead of running off the side
		list.openUser(tag + "-a");
		browser.width(PHONE);
		WebElement tabs = browser.find(By.cssSelector("nav.tabs"));
		assertThat(tabs.getCssValue("flex-wrap")).isEqualTo("wrap");
		assertThat(browser.overflow()).isEmpty();
	}
}
