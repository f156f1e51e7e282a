package io.gatehouse.console;

import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Choosing roles with the role picker of the user form, invitations and Add people: by searching, by keyboard, by
 * mouse, removing a chip, and what is saved; the roles a user holds through groups shown apart.
 */
class ConsoleRolePickerBrowserIntegrationTests extends ConsoleBrowserTest {

	@Test
	void rolesArePickedByKeyboardAndSavedAsChosen() {
		String workspace = unique("Kb-");
		createResource(admin(), "workspace", workspace, null);
		String username = unique("kb");
		signInAsAdmin();
		UserFormPage form = new UserFormPage(browser).openNew();
		form.set("username", username).set("email", username + "@example.com");

		// search: type the whole label and press Enter, which chooses it and does not send the form
		browser.byId("bindings").sendKeys("Instance: Viewer", Keys.ENTER);
		assertThat(form.roles().chosen()).containsExactly("Instance: Viewer");
		assertThat(browser.path()).isEqualTo("/console/users/new");

		// Tab to the workspace list, pick the workspace by typing its name, Tab to the role list, pick Editor, Tab to Add
		new Actions(browser.driver).sendKeys(Keys.TAB).perform();
		assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("bindings-scope");
		new Actions(browser.driver).sendKeys(workspace).perform();
		new Actions(browser.driver).sendKeys(Keys.TAB).sendKeys("Editor").sendKeys(Keys.TAB).perform();
		assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("bindings-add");
		new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
		browser.waitFor(d -> form.roles().chosen().contains(workspace + ": Editor"));
		assertThat(form.roles().chosen()).containsExactly("Instance: Viewer", workspace + ": Editor");
		browser.screenshot("role-picker-keyboard");

		form.save();
		browser.waitForDone("created");
		assertThat(new RolePicker(browser).chosen()).containsExactlyInAnyOrder("Instance: Viewer", workspace + ": Editor");
		assertThat(savedRoles(userId(username))).containsExactlyInAnyOrder("Instance: Viewer", workspace + ": Editor");
	}

	@Test
	void rolesArePickedAndRemovedWithTheMouse() {
		String workspace = unique("Ms-");
		createResource(admin(), "workspace", workspace, null);
		String username = unique("ms");
		Map<String, Object> user = createUser(Map.of("username", username, "email", username + "@example.com",
				"password", PASSWORD, "bindings", List.of(Map.of("roleId", BuiltInRoles.VIEWER.toString()))));
		signInAsAdmin();
		new UserPage(browser).open((String) user.get("id"));
		RolePicker picker = new RolePicker(browser);
		assertThat(picker.chosen()).containsExactly("Instance: Viewer");

		picker.pick(workspace, "Admin").pick("Instance", "Editor").remove("Instance: Viewer");
		// chips keep the list's order: the instance first, then the workspaces
		assertThat(picker.chosen()).containsExactly("Instance: Editor", workspace + ": Admin");
		// a chosen role is not offered twice
		assertThat(browser.script("return Array.from(document.querySelectorAll('#bindings-role option'))"
				+ ".find(o => o.textContent === 'Editor').disabled")).isEqualTo(true);
		browser.screenshot("role-picker-mouse");
		new UserFormPage(browser).save();
		browser.waitForDone("saved");
		assertThat(savedRoles((String) user.get("id"))).containsExactlyInAnyOrder(workspace + ": Admin", "Instance: Editor");
	}

	@Test
	void rolesFromGroupsAreShownApartFromTheUsersOwn() {
		String groupName = unique("Readers-");
		String group = (String) admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", groupName)).exchange().expectStatus().isCreated().expectBody(JSON).returnResult()
			.getResponseBody().get("id");
		admin().post().uri("/api/v1/resources/{id}/bindings", "00000000-0000-0000-0000-000000000001")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("principalType", "group", "principalId", group, "roleId", BuiltInRoles.EDITOR.toString()))
			.exchange().expectStatus().isCreated();
		String username = unique("gr");
		Map<String, Object> user = createUser(Map.of("username", username, "email", username + "@example.com",
				"password", PASSWORD, "groups", List.of(group),
				"bindings", List.of(Map.of("roleId", BuiltInRoles.VIEWER.toString()))));
		signInAsAdmin();
		new UserPage(browser).open((String) user.get("id"));
		assertThat(new RolePicker(browser).chosen()).containsExactly("Instance: Viewer");
		assertThat(browser.text(By.id("inherited-roles"))).contains("Instance: Editor", "from " + groupName);
		browser.screenshot("user-roles-from-groups");
		// saving the form leaves the group's role where it is
		new UserFormPage(browser).save();
		browser.waitForDone("saved");
		assertThat(savedRoles((String) user.get("id"))).containsExactlyInAnyOrder("Instance: Viewer", "Instance: Editor");
	}

	@Test
	void anInvitationAndAddPeopleUseThePicker() {
		String email = unique("pi") + "@example.com";
		signInAsAdmin();
		browser.open("/console/invitations");
		new RolePicker(browser).clear().pick("Instance", "Viewer");
		// refused for the missing email: the chosen role is still chosen
		browser.find(By.xpath("//button[normalize-space()='Send invitation']")).click();
		browser.find(By.id("email-error"));
		assertThat(new RolePicker(browser).chosen()).containsExactly("Instance: Viewer");
		browser.type("email", email);
		new RolePicker(browser).clear().search("Instance: Editor");
		browser.find(By.xpath("//button[normalize-space()='Send invitation']")).click();
		browser.waitForDone("invited");
		String invited = (String) browser.script("return document.querySelector(\"tr[data-email='" + email + "'] a\").href");
		assertThat(savedRoles(invited.substring(invited.lastIndexOf('/') + 1))).containsExactly("Instance: Editor");

		String person = unique("ap");
		browser.open("/console/users/add-people");
		browser.type("people", person + "@example.com");
		new RolePicker(browser).clear().pick("Instance", "Viewer");
		browser.screenshot("add-people-roles");
		browser.find(By.xpath("//button[normalize-space()='Create Accounts']")).click();
		browser.find(By.id("created"));
		assertThat(savedRoles(userId(person))).containsExactly("Instance: Viewer");
	}

	private String userId(String username) {
		return jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM users_account WHERE username = :u").param("u", username).query(String.class).single();
	}

	@SuppressWarnings("unchecked")
	private List<String> savedRoles(String userId) {
		List<Map<String, Object>> roles = admin().get().uri("/api/v1/users/{id}/roles", userId).exchange()
			.expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
		return roles.stream().map(role -> (String) role.get("label")).toList();
	}
}
