package io.gatehouse.console;

import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flows of Settings → Users in a real browser: create a user with roles and find them in the list as
 * {@code Workspace: Role}, search and filter, edit, reset a password and sign in with it, a temporary password that
 * must be changed, deactivation refusing sign-in, recent activity, keyboard use, and the list's page weight.
 */
class ConsoleUsersBrowserIntegrationTests extends ConsoleBrowserTest {

	@Test
	void theConsoleNeedsASignInAndSignOutEndsIt() {
		browser.open("/");
		browser.driver.manage().deleteAllCookies();
		browser.open("/console/users");
		browser.waitForPath("/console/sign-in");
		browser.screenshot("sign-in");

		browser.signIn(ADMIN, "not-the-password");
		assertThat(browser.text(By.cssSelector(".alert.error"))).isEqualTo("The login or password is not correct.");

		signInAsAdmin();
		browser.waitForPath("/console/users");
		browser.signOut();
		assertThat(browser.text(By.cssSelector("#flash .alert"))).isEqualTo("You are signed out.");
		browser.open("/console/users");
		browser.waitForPath("/console/sign-in");
	}

	@Test
	void signingInLeadsBackToThePageAskedFor() {
		browser.open("/");
		browser.driver.manage().deleteAllCookies();
		browser.open("/console/users?status=active");
		browser.waitForPath("/console/sign-in?next=");
		browser.type("login", ADMIN);
		browser.type("password", ADMIN_PASSWORD);
		browser.byId("password").submit();
		browser.waitForPath("/console/users?status=active");
	}

	@Test
	void aNewUserWithRolesIsListedAsWorkspaceRoleAndFoundBySearchAndFilters() {
		String workspace = unique("Acme-");
		createResource(admin(), "workspace", workspace, null);
		String username = unique("ada");
		signInAsAdmin();

		new UserListPage(browser).open();
		browser.find(By.linkText("+ New User")).click();
		UserFormPage form = new UserFormPage(browser);
		browser.byId("user-form");
		form.set("username", username)
			.set("email", username + "@example.com")
			.set("firstName", "Ada")
			.set("lastName", "Lovelace")
			.set("department", "Engineering")
			.timeZone("Europe/London")
			.chooseRole("Instance: Viewer", true)
			.chooseRole(workspace + ": Editor", true);
		browser.screenshot("user-new");
		form.save();
		browser.waitForDone("created");
		assertThat(new UserPage(browser).notice()).isEqualTo("The user was created.");

		UserListPage list = new UserListPage(browser).open();
		assertThat(list.headers()).containsExactly("Username", "First Name / Last Name", "Email", "Role", "Groups",
				"Last Login", "Is Active", "Status");
		list.search(username.substring(0, 7));
		List<String> row = list.row(username);
		assertThat(row).hasSize(8);
		assertThat(row.get(1)).isEqualTo("Ada Lovelace");
		assertThat(row.get(2)).isEqualTo(username + "@example.com");
		assertThat(row.get(3)).contains("Instance: Viewer", workspace + ": Editor");
		assertThat(row.get(4)).isEqualTo("None");
		assertThat(row.get(5)).isEqualTo("Never");
		assertThat(row.get(6)).isEqualTo("Yes");
		assertThat(row.get(7)).isEqualTo("Active");
		browser.screenshot("users-list");

		list.filter("role", "Editor");
		assertThat(list.row(username)).isNotEmpty();
		list.filter("role", "Admin");
		assertThat(list.row(username)).isEmpty();
		list.filter("role", "Any role");
		list.filter("status", "Deactivated");
		assertThat(list.row(username)).isEmpty();
		list.filter("status", "Active");
		assertThat(list.row(username)).isNotEmpty();

		// a bookmark of the filtered list shows the same rows
		browser.open(browser.path());
		assertThat(new UserListPage(browser).row(username)).isNotEmpty();
	}

	@Test
	void pagesGoForwardAndBackAndColumnsSort() {
		String prefix = unique("pg");
		for (int i = 1; i <= 30; i++) {
			String username = prefix + "-" + (i < 10 ? "0" : "") + i;
			createUser(Map.of("username", username, "email", username + "@example.com"));
		}
		signInAsAdmin();
		UserListPage list = new UserListPage(browser).open().search(prefix);
		assertThat(list.usernames()).hasSize(25).first().isEqualTo(prefix + "-01");
		browser.find(By.cssSelector("a[rel=next]")).click();
		browser.waitFor(d -> browser.path().contains("cursor="));
		assertThat(list.usernames()).containsExactly(prefix + "-26", prefix + "-27", prefix + "-28", prefix + "-29",
				prefix + "-30");
		assertThat(browser.driver.findElements(By.cssSelector("a[rel=next]"))).isEmpty();
		browser.find(By.cssSelector("a[rel=prev]")).click();
		browser.waitFor(d -> !browser.path().contains("cursor="));
		assertThat(list.usernames()).hasSize(25).first().isEqualTo(prefix + "-01");

		// Username sorts ascending; its header reverses it, and the search stays
		browser.find(By.linkText("Username")).click();
		browser.waitFor(d -> browser.path().contains("sort=-username"));
		assertThat(list.usernames()).first().isEqualTo(prefix + "-30");
		assertThat(browser.find(By.cssSelector("th[aria-sort=descending]")).getText()).startsWith("Username");
	}

	@Test
	void refusedInputIsShownNextToItsField() {
		signInAsAdmin();
		UserFormPage form = new UserFormPage(browser).openNew();
		form.set("email", "not-an-email").save();
		assertThat(form.fieldError("email")).isEqualTo("Must be a valid email address, like name@example.com.");
		assertThat(form.rolesError()).contains("At least one role binding or group is required");
		assertThat(browser.byId("email").getAttribute("aria-invalid")).isEqualTo("true");
		browser.screenshot("user-new-errors");
	}

	@Test
	void editingKeepsTheUsernameAndRefusesAStaleVersion() {
		Map<String, Object> user = createUser(unique("grace"));
		signInAsAdmin();
		UserPage page = new UserPage(browser).open(user.get("id"));
		assertThat(browser.byId("username").getAttribute("readonly")).isNotNull();
		UserFormPage form = new UserFormPage(browser);
		form.set("lastName", "Hopper").chooseRole("Instance: Editor", true).save();
		browser.waitForDone("saved");
		assertThat(page.notice()).isEqualTo("Your changes were saved.");
		assertThat(browser.byId("lastName").getAttribute("value")).isEqualTo("Hopper");
		assertThat(browser.text(By.cssSelector("ul[aria-label=Roles]"))).contains("Instance: Editor");
		browser.screenshot("user-details");

		// someone else saves meanwhile: the form does not overwrite it
		admin().patch()
			.uri("/api/v1/users/{id}", user.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("department", "Research"))
			.exchange()
			.expectStatus()
			.isOk();
		form.set("firstName", "Grace").save();
		assertThat(browser.text(By.cssSelector("main .alert.error"))).contains("Someone else changed this user");
		assertThat(browser.byId("department").getAttribute("value")).isEqualTo("Research");
		assertThat(browser.byId("firstName").getAttribute("value")).isEmpty();
	}

	@Test
	void anAdministratorResetsAPasswordAndTheUserSignsInWithIt() {
		Map<String, Object> user = createUser(unique("alan"));
		String username = (String) user.get("username");
		signInAsAdmin();
		UserPage page = new UserPage(browser).open(user.get("id"));

		page.resetPassword("Brand-New-Pass-1", "Brand-New-Pass-2");
		assertThat(page.resetError("reset-confirm-input")).isEqualTo("Must match the password.");
		browser.screenshot("user-reset-password");
		browser.type("reset-password-input", "short");
		browser.type("reset-confirm-input", "short");
		browser.find(By.cssSelector("#reset-password-form button[type=submit]")).click();
		browser.waitFor(d -> page.resetError("reset-password-input").contains("8 to 60 characters"));

		browser.type("reset-password-input", "Brand-New-Pass-1");
		browser.type("reset-confirm-input", "Brand-New-Pass-1");
		browser.find(By.cssSelector("#reset-password-form button[type=submit]")).click();
		browser.waitForDone("password-set");
		assertThat(page.notice()).startsWith("The password was set.");

		browser.signIn(username, "Brand-New-Pass-1");
		browser.waitForPath("/console/profile");
		assertThat(browser.text(By.cssSelector("main"))).contains(username);
		browser.screenshot("profile");
	}

	@Test
	void aTemporaryPasswordIsShownOnceAndMustBeChangedAtSignIn() {
		Map<String, Object> user = createUser(unique("tim"));
		String username = (String) user.get("username");
		signInAsAdmin();
		String temporary = new UserPage(browser).open(user.get("id")).generateTemporaryPassword();
		assertThat(temporary).isNotBlank();
		browser.screenshot("user-temporary-password");

		browser.signIn(username, temporary);
		browser.waitForPath("/console/password-change");
		browser.screenshot("password-change");
		// nothing else opens before the password is changed
		browser.open("/console/profile");
		browser.waitForPath("/console/password-change");
		// so no menu leads elsewhere, and the temporary password just typed at sign-in is not asked again
		browser.byId("newPassword");
		assertThat(browser.driver.findElements(By.cssSelector("nav.sections, .account a"))).isEmpty();
		assertThat(browser.driver.findElements(By.id("currentPassword"))).isEmpty();

		browser.type("newPassword", temporary);
		browser.type("confirmPassword", temporary);
		browser.byId("confirmPassword").submit();
		assertThat(browser.text(By.xpath("//*[@id='newPassword']/following-sibling::*[contains(@class,'error')]")))
			.contains("differ");
		browser.type("newPassword", "Own-Choice-Pass-9");
		browser.type("confirmPassword", "Own-Choice-Pass-9");
		browser.byId("confirmPassword").submit();
		browser.waitForPath("/console/profile");
		assertThat(browser.text(By.cssSelector("#flash .alert"))).isEqualTo("Your password was changed.");
		assertThat(browser.driver.findElements(By.cssSelector("nav.sections"))).isNotEmpty();

		browser.signIn(username, "Own-Choice-Pass-9");
		browser.waitForPath("/console/profile");
	}

	@Test
	void aDeactivatedUserCannotSignInUntilReactivated() {
		Map<String, Object> user = createUser(unique("dora"));
		String username = (String) user.get("username");
		signInAsAdmin();
		UserPage page = new UserPage(browser).open(user.get("id"));
		page.deactivate();
		assertThat(page.status()).isEqualTo("Deactivated");
		assertThat(browser.driver.findElements(By.xpath("//button[normalize-space()='Deactivate']"))).isEmpty();

		browser.signIn(username, PASSWORD);
		assertThat(browser.path()).startsWith("/console/sign-in");
		assertThat(browser.text(By.cssSelector(".alert.error"))).isEqualTo("The login or password is not correct.");

		signInAsAdmin();
		new UserPage(browser).open(user.get("id")).reactivate();
		browser.signIn(username, PASSWORD);
		browser.waitForPath("/console/profile");

		// Way: untick Is Active on the user form and save, tick it to restore
		signInAsAdmin();
		UserPage form = new UserPage(browser).open(user.get("id"));
		browser.byId("active").click();
		new UserFormPage(browser).save();
		browser.acceptConfirmation();
		browser.waitForDone("saved");
		assertThat(form.status()).isEqualTo("Deactivated");
		assertThat(browser.byId("active").isSelected()).isFalse();
		browser.byId("active").click();
		new UserFormPage(browser).save();
		browser.waitForDone("saved");
		assertThat(form.status()).isEqualTo("Active");
	}

	@Test
	void recentActivityIsShownInTheSignedInUsersTimeZone() {
		Map<String, Object> user = createUser(unique("rita"));
		signIn((String) user.get("username"), PASSWORD);
		signIn((String) user.get("username"), PASSWORD);
		String lastLogin = (String) admin().get()
			.uri("/api/v1/users/{id}/activity", user.get("id"))
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("lastLoginAt");
		String adminId = (String) admin().get().uri("/api/v1/me").exchange().expectBody(JSON).returnResult()
			.getResponseBody().get("id");
		try {
			signInAsAdmin();
			// the administrator picks a zone on their own user form; every date follows it
			new UserPage(browser).open(adminId);
			new UserFormPage(browser).timeZone("Asia/Kolkata").save();
			browser.waitForDone("saved");

			UserPage page = new UserPage(browser).open(user.get("id"));
			page.openActivity();
			String expected = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
				.withZone(ZoneId.of("Asia/Kolkata"))
				.format(Instant.parse(lastLogin));
			assertThat(browser.text(By.xpath("//dt[.='Last Login Date']/following-sibling::dd"))).isEqualTo(expected);
			assertThat(browser.text(By.xpath("//dt[.='Logins in Last 7 Days']/following-sibling::dd"))).isEqualTo("2");
			assertThat(browser.text(By.xpath("//dt[.='Logins in Last 30 Days']/following-sibling::dd"))).isEqualTo("2");
			assertThat(browser.text(By.xpath("//dt[.='Logins in Last Year']/following-sibling::dd"))).isEqualTo("2");
			assertThat(browser.text(By.cssSelector("main"))).contains("Asia/Kolkata");
			browser.screenshot("user-activity");
		}
		finally {
			Map<String, Object> clear = new HashMap<>();
			clear.put("timeZone", null);
			admin().patch().uri("/api/v1/users/{id}", adminId).contentType(MediaType.APPLICATION_JSON).body(clear)
				.exchange().expectStatus().isOk();
		}
	}

	@Test
	void theKeyboardReachesEveryFieldOfTheUserFormInOrder() {
		signInAsAdmin();
		new UserFormPage(browser).openNew();
		List<String> controls = browser.driver
			.findElements(By.cssSelector("#user-form input:not([type=hidden]), #user-form select:not([hidden]), "
					+ "#user-form button.picker-add, #user-form button[type=submit]"))
			.stream()
			.map(element -> element.getAttribute("id") != null && !element.getAttribute("id").isEmpty()
					? element.getAttribute("id") : "submit")
			.toList();
		browser.script("document.getElementById('username').focus()");
		List<String> reached = new ArrayList<>();
		reached.add("username");
		for (int i = 0; i < 2 * controls.size() && !"submit".equals(reached.get(reached.size() - 1)); i++) {
			new Actions(browser.driver).sendKeys(Keys.TAB).perform();
			WebElement active = browser.driver.switchTo().activeElement();
			String id = active.getAttribute("id");
			reached.add("submit".equals(active.getAttribute("type")) ? "submit" : id);
		}
		assertThat(reached).containsExactlyElementsOf(controls);
		// every control has a label a screen reader announces
		for (String id : controls) {
			// a button's name is its text
			if (!"submit".equals(id) && !"bindings-add".equals(id)) {
				assertThat(browser.script("return document.getElementById(arguments[0]).labels.length", id))
					.as("labels of #" + id).isNotEqualTo(0L);
			}
		}
	}

	@Test
	void controlsTheUserMayNotUseAreNotShownAndTheServerRefusesThem() {
		String readerRole = (String) admin().post()
			.uri("/api/v1/roles")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("User reader "), "permissions", List.of("users:read")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		Map<String, Object> reader = createUser(Map.of("username", unique("rea"), "email", unique("rea") + "@example.com",
				"password", PASSWORD, "bindings", List.of(Map.of("roleId", readerRole))));
		Map<String, Object> other = createUser(unique("oth"));
		browser.signIn((String) reader.get("username"), PASSWORD);
		new UserListPage(browser).open();
		assertThat(browser.driver.findElements(By.linkText("+ New User"))).isEmpty();
		assertThat(browser.driver.findElements(By.id("role"))).isEmpty();
		new UserPage(browser).open(other.get("id"));
		assertThat(browser.driver.findElements(By.xpath("//button[normalize-space()='Reset Password']"))).isEmpty();
		assertThat(browser.driver.findElements(By.xpath("//button[normalize-space()='Deactivate']"))).isEmpty();
		assertThat(browser.byId("email").isEnabled()).isFalse();

		browser.open("/console/users/new");
		assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Not allowed");
		assertThat(browser.text(By.cssSelector("main"))).contains("users:create");
		browser.screenshot("forbidden");
		// the refusal is a real 403, which the browser reports; nothing else may be in its console
		assertThat(browser.consoleErrors()).singleElement().asString().contains("/console/users/new", "403");
	}

	@Test
	void theUsersListIsLight() throws Exception {
		signInAsAdmin();
		browser.open("/console/users");
		browser.find(By.cssSelector("#user-results table"));
		browser.waitFor(d -> "complete".equals(browser.script("return document.readyState")));
		Map<String, Long> weight = browser.pageWeight();
		long total = weight.get("html") + weight.get("css") + weight.get("js");
		String report = "users list page weight (bytes, bodies as sent): html=" + weight.get("html") + " css="
				+ weight.get("css") + " js=" + weight.get("js") + " total=" + total + "; transferred this load="
				+ weight.get("transferred") + "\n";
		System.out.print(report);
		Files.createDirectories(ConsoleBrowser.SCREENSHOTS);
		Files.writeString(ConsoleBrowser.SCREENSHOTS.resolve("users-list-weight.txt"), report);
		assertThat(total).isLessThan(150_000);
		browser.screenshot("users-list-phone", 390);
	}
}
