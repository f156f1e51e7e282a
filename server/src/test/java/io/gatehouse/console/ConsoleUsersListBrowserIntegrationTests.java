package io.gatehouse.console;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.BuiltInRoles;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users list as an administrator works through it: search anywhere in the names and email with the match
 * marked and a total, page size, the dormant and Deleted filters, a way out of an empty result, the row actions, and
 * bulk actions that report each user the caller may not act on instead of acting on them.
 */
class ConsoleUsersListBrowserIntegrationTests extends ConsoleBrowserTest {

	@Test
	void searchMatchesAnywhereInNamesAndEmailMarksTheMatchAndCountsThem() {
		String tag = unique("mq").toLowerCase();
		createUser(Map.of("username", "x-" + tag + "-y", "email", unique("a") + "@example.com"));
		createUser(Map.of("username", unique("b"), "email", "ops@" + tag + ".example"));
		createUser(Map.of("username", unique("c"), "email", unique("c") + "@example.com", "firstName", "Ada",
				"lastName", "Love" + tag));
		signInAsAdmin();

		UserListPage list = new UserListPage(browser).open().search(tag.toUpperCase());
		assertThat(list.usernames()).hasSize(3);
		assertThat(browser.text(By.id("user-count"))).isEqualTo("3 users");
		assertThat(marks()).hasSize(3).allSatisfy(mark -> assertThat(mark).isEqualToIgnoringCase(tag));
		browser.screenshot("users-search-anywhere");

		// first and last name together, as a person writes the full name
		list.search("ada love" + tag);
		assertThat(list.usernames()).hasSize(1);
		assertThat(browser.text(By.id("user-count"))).isEqualTo("1 user");
		assertThat(marks()).containsExactly("Ada Love" + tag);

		list.search(tag + "-nobody");
		assertThat(browser.text(By.cssSelector("#user-results .empty-row"))).startsWith("No user matches.");
		browser.byId("clear-filters").click();
		browser.waitFor(d -> browser.path().equals("/console/users"));
		assertThat(browser.byId("q").getAttribute("value")).isEmpty();
		assertThat(new UserListPage(browser).usernames()).isNotEmpty();
	}

	@Test
	void pageSizeDormantAndDeletedFilters() {
		String tag = unique("ps").toLowerCase();
		for (int i = 1; i <= 27; i++) {
			createUser(Map.of("username", tag + "-" + (i < 10 ? "0" : "") + i, "email", tag + i + "@example.com"));
		}
		String dormant = (String) createUser(tag + "-sleeper").get("id");
		jdbc.sql("UPDATE users_account SET created_at = ? WHERE id = ?")
			.params(OffsetDateTime.now().minusDays(400), UUID.fromString(dormant))
			.update();
		String leaver = (String) createUser(Map.of("username", unique("leaver"), "email", unique("l") + "@example.com",
				"firstName", "Lea", "lastName", "Ver")).get("id");
		admin().delete().uri("/api/v1/users/{id}", leaver).exchange().expectStatus().isNoContent();
		signInAsAdmin();

		UserListPage list = new UserListPage(browser).open().search(tag);
		assertThat(list.usernames()).hasSize(25);
		assertThat(browser.text(By.id("user-count"))).isEqualTo("28 users");
		list.filter("size", "50");
		assertThat(list.usernames()).hasSize(28);
		assertThat(browser.driver.findElements(By.cssSelector("a[rel=next]"))).isEmpty();

		list.filter("dormant", "None in 90 days");
		assertThat(list.usernames()).containsExactly(tag + "-sleeper");
		list.filter("dormant", "Any time");

		// a deleted account reads as one, without the placeholders its row was left with, and cannot be ticked
		list.search(leaver.substring(0, 8));
		list.filter("status", "Deleted");
		WebElement row = browser.find(By.cssSelector("#user-results tbody tr.deleted-row"));
		assertThat(row.getText()).contains("Deleted user (" + leaver.substring(0, 8) + ")", "Name erased",
				"Email erased").doesNotContain("deleted.invalid");
		assertThat(row.findElements(By.cssSelector("input[type=checkbox], td.username-cell a"))).isEmpty();
		browser.screenshot("users-deleted");
	}

	@Test
	void rowActionsEditResetPasswordAndDeactivateAfterConfirming() {
		String name = unique("row");
		String id = (String) createUser(name).get("id");
		signInAsAdmin();
		openList(name);

		rowLink(name, "Reset password").click();
		browser.waitForPath("/console/users/" + id);
		assertThat(browser.find(By.cssSelector("dialog#reset-password")).getAttribute("open")).isNotNull();

		openList(name);
		rowLink(name, "Edit").click();
		browser.waitFor(d -> browser.path().equals("/console/users/" + id));

		openList(name);
		By deactivate = By.cssSelector("button[aria-label='Deactivate " + name + "']");
		browser.find(deactivate).click();
		assertThat(browser.dismissConfirmation()).startsWith("Deactivate " + name + "?");
		assertThat(status(id)).isEqualTo("active");
		browser.find(deactivate).click();
		browser.acceptConfirmation();
		browser.waitForDone("deactivated");
		assertThat(status(id)).isEqualTo("deactivated");
	}

	@Test
	void bulkActionsActOnEachUserAllowedAndNameEachOneRefused() {
		String tag = unique("bk").toLowerCase();
		String lead = tag + "-lead";
		createUser(Map.of("username", lead, "email", lead + "@example.com", "password", PASSWORD, "bindings",
				List.of(Map.of("roleId", BuiltInRoles.ADMIN.toString()))));
		String first = (String) createUser(tag + "-one").get("id");
		String second = (String) createUser(tag + "-two").get("id");
		String chief = (String) createUser(Map.of("username", tag + "-chief", "email", tag + "-chief@example.com",
				"bindings", List.of(Map.of("roleId", BuiltInRoles.SYSTEM_ADMINISTRATOR.toString())))).get("id");

		browser.signIn(lead, PASSWORD);
		UserListPage list = openList(tag);
		tick(tag + "-one", tag + "-two", tag + "-chief");
		chooseBulkRole("Instance: Viewer");
		browser.find(By.cssSelector("#bulk-form button[value=add-role]")).click();
		assertThat(browser.acceptConfirmation()).startsWith("Give the chosen role to every ticked user?");
		browser.waitFor(d -> browser.path().contains("bulk=add-role"));
		assertThat(browser.text(By.id("bulk-report")))
			.isEqualTo("Role given to 2 users. Refused for " + tag + "-chief (beyond what you may grant).");
		assertThat(list.row(tag + "-one").get(3)).contains("Instance: Viewer");
		assertThat(list.row(tag + "-two").get(3)).contains("Instance: Viewer");
		assertThat(list.row(tag + "-chief").get(3)).doesNotContain("Instance: Viewer");
		// the search and filters survive the round trip
		assertThat(browser.byId("q").getAttribute("value")).isEqualTo(tag);

		tick(tag + "-one", tag + "-two", tag + "-chief", lead);
		browser.find(By.cssSelector("#bulk-form button[value=deactivate]")).click();
		browser.acceptConfirmation();
		browser.waitFor(d -> browser.path().contains("bulk=deactivate"));
		assertThat(browser.text(By.id("bulk-report"))).isEqualTo("2 users deactivated. Refused for " + tag
				+ "-chief (beyond what you may grant), " + lead + " (your own account).");
		browser.screenshot("users-bulk-report");
		assertThat(status(first)).isEqualTo("deactivated");
		assertThat(status(second)).isEqualTo("deactivated");
		assertThat(status(chief)).isEqualTo("active");

		// tick every user of the page with one box, and take the role back
		browser.open("/console/users?status=deactivated&q=" + tag);
		browser.find(By.cssSelector("input[data-select-all]")).click();
		chooseBulkRole("Instance: Viewer");
		browser.find(By.cssSelector("#bulk-form button[value=remove-role]")).click();
		browser.acceptConfirmation();
		browser.waitFor(d -> browser.path().contains("bulk=remove-role"));
		assertThat(browser.text(By.id("bulk-report"))).isEqualTo("Role taken from 2 users.");
		assertThat(list.row(tag + "-one").get(3)).doesNotContain("Instance: Viewer");
	}

	@Test
	void forgedOrMalformedBulkPostsChangeNobodyAndNeverFailTheServer() {
		String target = (String) createUser(unique("tgt")).get("id");
		String viewer = unique("viewer");
		createUser(Map.of("username", viewer, "email", viewer + "@example.com", "password", PASSWORD, "bindings",
				List.of(Map.of("roleId", BuiltInRoles.VIEWER.toString()))));
		browser.signIn(viewer, PASSWORD);
		browser.open("/console/profile");
		browser.find(By.cssSelector("main h1"));
		// the form's post forged with a valid session and CSRF token: every user refused and left as is
		assertThat(post("action=deactivate&ids=" + target)).isBetween(200L, 499L);
		assertThat(status(target)).isEqualTo("active");
		browser.consoleErrors();

		signInAsAdmin();
		new UserListPage(browser).open();
		String many = "&ids=" + java.util.stream.Stream.generate(() -> UUID.randomUUID().toString())
			.limit(201)
			.collect(java.util.stream.Collectors.joining("&ids="));
		for (String body : List.of("action=deactivate", "action=explode&ids=" + target,
				"action=add-role&ids=" + target + "&role=garbage", "action=add-role&ids=" + target,
				"action=deactivate&ids=not-an-id", "action=deactivate" + many, "ids=" + target)) {
			assertThat(post(body)).as(body).isBetween(400L, 499L);
		}
		assertThat(status(target)).isEqualTo("active");
		assertThat(browser.consoleErrors()).allSatisfy(error -> assertThat(error).containsPattern(" 4\\d\\d "));
	}

	private long post(String body) {
		return (Long) browser.driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/console/users/bulk', {method: 'POST',
				  headers: {'Content-Type': 'application/x-www-form-urlencoded',
				            'X-CSRF-TOKEN': document.querySelector('meta[name="csrf-token"]').content},
				  body: arguments[0]}).then(r => done(r.status));""", body);
	}

	/** The list searched, as a full page: what is ticked then stays, no late swap of the results can untick it. */
	private UserListPage openList(String query) {
		browser.open("/console/users?q=" + query);
		browser.find(By.cssSelector("#user-results table"));
		return new UserListPage(browser);
	}

	private void tick(String... usernames) {
		for (String username : usernames) {
			WebElement box = browser.find(By.cssSelector("input[name=ids][aria-label='Tick " + username + "']"));
			if (!box.isSelected()) {
				box.click();
			}
		}
	}

	private WebElement rowLink(String username, String label) {
		String aria = label.equals("Edit") ? "Edit " + username : "Reset password of " + username;
		return browser.find(By.cssSelector("#user-results a[aria-label='" + aria + "']"));
	}

	@SuppressWarnings("unchecked")
	private List<String> marks() {
		return (List<String>) browser.script(
				"return Array.from(document.querySelectorAll('#user-results tbody mark')).map(m => m.textContent)");
	}

	private String status(String id) {
		return (String) admin().get().uri("/api/v1/users/{id}", id).accept(MediaType.APPLICATION_JSON).exchange()
			.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("status");
	}

	/** The bulk bar's roles arrive when its box is first used. */
	private void chooseBulkRole(String label) {
		browser.script("document.getElementById('bulk-role').focus()");
		browser.waitFor(d -> !d.findElements(By.xpath("//select[@id='bulk-role']/optgroup/option[normalize-space()='"
				+ label + "']")).isEmpty());
		new Select(browser.byId("bulk-role")).selectByVisibleText(label);
	}
}
