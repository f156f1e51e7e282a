package io.gatehouse.console;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group's permissions that cannot surprise: the Default Permissions say they cover the administrative areas, are
 * disabled (and kept) once granular entries exist, an entry granting nothing is refused, entries are edited in place,
 * and members are added with suggestions, the typed value kept on a refusal.
 */
class ConsoleGroupPermissionsBrowserIntegrationTests extends ConsoleBrowserTest {

	@Test
	void theDefaultPermissionsWarnAndAreDisabledAndKeptOnceGranularEntriesExist() {
		String name = unique("Warned ");
		signInAsAdmin();
		browser.open("/console/groups/new");
		assertThat(browser.text(By.id("global-warning"))).contains("users, roles, settings and audit");
		browser.type("name", name);
		browser.find(By.cssSelector("#group-form button[type=submit]")).click();
		browser.waitForDone("group-created");
		String groupPath = browser.path().replaceAll("\\?.*", "");
		for (String action : List.of("create", "read", "update", "delete")) {
			assertThat(browser.byId("global-" + action).isEnabled()).isTrue();
		}

		new GroupPage(browser).addPermission("projects", "read");
		for (String action : List.of("create", "read", "update", "delete")) {
			assertThat(browser.byId("global-" + action).isEnabled()).as(action).isFalse();
		}
		assertThat(browser.text(By.id("global-hint"))).contains("Not in use");
		browser.screenshot("group-defaults-disabled");
		// saving the group form (its disabled boxes send nothing) keeps the Default Permissions as they were
		browser.type("description", "Edited");
		browser.find(By.cssSelector("#group-form button[type=submit]")).click();
		browser.waitForDone("saved");
		Map<String, Object> stored = group(groupPath.substring(groupPath.lastIndexOf('/') + 1));
		assertThat(stored.get("description")).isEqualTo("Edited");
		@SuppressWarnings("unchecked")
		Map<String, Object> profile = (Map<String, Object>) stored.get("profile");
		assertThat((List<?>) profile.get("globalActions")).hasSize(4);
	}

	@Test
	void anEntryWithoutAccessIsRefusedAndAnEntryIsEditedInPlace() {
		String id = createGroup(unique("Entries "));
		signInAsAdmin();
		browser.open("/console/groups/" + id);
		new Select(browser.byId("area")).selectByValue("projects");
		browser.find(By.xpath("//button[normalize-space()='+ Add permission']")).click();
		assertThat(browser.text(By.id("access-error"))).contains("Choose at least one");
		// the area chosen is still chosen
		assertThat(new Select(browser.byId("area")).getFirstSelectedOption().getAttribute("value")).isEqualTo("projects");
		browser.screenshot("group-entry-refused");

		GroupPage page = new GroupPage(browser);
		browser.byId("access-read").click();
		browser.find(By.xpath("//button[normalize-space()='+ Add permission']")).click();
		browser.waitForDone("saved");
		browser.find(By.cssSelector("a[aria-label='Edit projects']")).click();
		assertThat(browser.byId("access-read").isSelected()).isTrue();
		assertThat(browser.byId("access-update").isSelected()).isFalse();
		browser.byId("access-update").click();
		browser.find(By.xpath("//button[normalize-space()='Save permission']")).click();
		browser.waitForDone("saved");
		assertThat(page.permissionRows()).extracting(row -> row.subList(0, 3))
			.containsExactly(List.of("projects", "Read\nUpdate", "projects:read, projects:update"));

		// the API refuses an entry granting nothing too, naming it
		admin().put().uri("/api/v1/groups/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", group(id).get("name"), "profile", Map.of("granular", Map.of("billing", List.of()))))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("profile.granular.billing");
	}

	@Test
	void membersAreSuggestedAsOneTypesAndATypoIsKept() {
		String id = createGroup(unique("Suggested "));
		String username = unique("suggest");
		createUser(username);
		signInAsAdmin();
		browser.open("/console/groups/" + id);
		browser.byId("login").sendKeys(username.substring(0, 10));
		browser.waitFor(d -> !d.findElements(By.cssSelector("#login-suggestions option[value='" + username + "']")).isEmpty());
		browser.screenshot("group-member-suggestions");

		browser.type("login", username + "-typo");
		browser.find(By.xpath("//button[normalize-space()='+ Add member']")).click();
		assertThat(browser.text(By.id("login-error"))).contains("not a known user");
		assertThat(browser.byId("login").getAttribute("value")).isEqualTo(username + "-typo");

		new GroupPage(browser).addMember(username);
		assertThat(new GroupPage(browser).members()).contains(username);
	}

	@Test
	void suggestionsNeedTheRightToReadUsers() {
		String username = unique("nosug");
		createUser(username);
		SignedIn plain = signIn(username, PASSWORD);
		plain.cookieOnly().get().uri("/console/groups/member-suggestions?login=ad").exchange()
			.expectStatus().isForbidden();
		SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD);
		String body = admin.cookieOnly().get().uri("/console/groups/member-suggestions?login=" + ADMIN).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("value=\"" + ADMIN + "\"");
	}

	private String createGroup(String name) {
		return (String) admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name)).exchange().expectStatus().isCreated().expectBody(JSON).returnResult()
			.getResponseBody().get("id");
	}

	private Map<String, Object> group(String id) {
		return admin().get().uri("/api/v1/groups/{id}", id).exchange().expectStatus().isOk().expectBody(JSON)
			.returnResult().getResponseBody();
	}
}
