package io.gatehouse.console;

import java.util.List;
import java.util.Map;

import io.gatehouse.access.Resources;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groups with permission table and Create Default Reseller, and roles with read-only built-ins
 * and their eye view, in a real browser; what the pages set is then checked as the engine decides it.
 */
class ConsoleGroupsAndRolesBrowserIntegrationTests extends ConsoleBrowserTest {

	@Test
	void aGroupWithGranularPermissionsGrantsOnlyThoseToItsMembers() {
		Map<String, Object> member = createUser(unique("gus"));
		String name = unique("Network engineers ");
		signInAsAdmin();
		browser.open("/console/groups");
		browser.find(By.linkText("+ New Group")).click();
		browser.type("name", name);
		// all four global actions are ticked by default
		for (String action : List.of("create", "read", "update", "delete")) {
			assertThat(browser.byId("global-" + action).isSelected()).isTrue();
		}
		browser.byId("global-delete").click();
		browser.find(By.cssSelector("#group-form button[type=submit]")).click();
		browser.waitForDone("group-created");

		GroupPage group = new GroupPage(browser);
		group.addMember((String) member.get("username"));
		assertThat(group.members()).contains((String) member.get("username"));
		assertThat(check(admin(), member, "projects:update", Resources.INSTANCE.toString()).get("allowed")).isEqualTo(true);
		assertThat(check(admin(), member, "projects:delete", Resources.INSTANCE.toString()).get("allowed")).isEqualTo(false);

		group.addPermission("projects", "read");
		assertThat(group.permissionRows()).extracting(row -> row.subList(0, 3))
			.containsExactly(List.of("projects", "Read", "projects:read"));
		assertThat(browser.text(By.cssSelector("#permissions"))).contains("only the areas below apply");
		browser.screenshot("group-details");
		// granular entries replace the global ones: update is gone, read on projects stays, nothing elsewhere
		assertThat(check(admin(), member, "projects:update", Resources.INSTANCE.toString()).get("allowed")).isEqualTo(false);
		assertThat(check(admin(), member, "projects:read", Resources.INSTANCE.toString()).get("allowed")).isEqualTo(true);
		assertThat(check(admin(), member, "workspaces:read", Resources.INSTANCE.toString()).get("allowed")).isEqualTo(false);

		group.removePermission("projects");
		assertThat(group.permissionRows()).isEmpty();
		assertThat(check(admin(), member, "projects:update", Resources.INSTANCE.toString()).get("allowed")).isEqualTo(true);

		browser.open("/console/groups");
		assertThat(browser.find(By.linkText(name)).isDisplayed()).isTrue();
		browser.screenshot("groups-list");
	}

	@Test
	void createDefaultResellerMakesAGroupFromTheTemplate() {
		signInAsAdmin();
		browser.open("/console/groups");
		browser.find(By.xpath("//button[normalize-space()='Create Default Reseller']")).click();
		browser.waitForDone("group-created");
		assertThat(browser.text(By.cssSelector("main h1"))).startsWith("Default Reseller");
		assertThat(new GroupPage(browser).permissionRows()).extracting(row -> row.get(0))
			.contains("projects", "environments", "workspaces", "users");
	}

	@Test
	void builtInRolesAreReadOnlyAndTheEyeShowsWhatTheyAllow() {
		signInAsAdmin();
		browser.open("/console/roles");
		browser.screenshot("roles-list");
		WebElement eye = browser.find(By.cssSelector("a[aria-label='View the permissions of Viewer']"));
		// a drawn icon, not an emoji that a browser without an emoji font shows as an empty box
		assertThat(eye.getText()).isEmpty();
		WebElement icon = eye.findElement(By.tagName("svg"));
		assertThat(icon.getSize().getWidth()).isGreaterThan(8);
		assertThat(icon.getAttribute("aria-hidden")).isEqualTo("true");
		eye.click();
		WebElement projectsRead = browser.byId("perm-projects-read");
		assertThat(projectsRead.isSelected()).isTrue();
		assertThat(projectsRead.isEnabled()).isFalse();
		assertThat(browser.byId("perm-projects-create").isSelected()).isFalse();
		assertThat(browser.byId("perm-users-read").isSelected()).isFalse();
		assertThat(browser.driver.findElements(By.xpath("//button[normalize-space()='Save']"))).isEmpty();
		browser.screenshot("role-view");
	}

	@Test
	void aCustomRoleIsCreatedEditedAndDeleted() {
		String name = unique("Release manager ");
		signInAsAdmin();
		browser.open("/console/roles");
		browser.find(By.linkText("+ New Role")).click();
		browser.type("name", name);
		browser.byId("perm-projects-read").click();
		browser.byId("perm-projects-update").click();
		browser.find(By.cssSelector("#role-form button[type=submit]")).click();
		browser.waitForDone("role-created");
		assertThat(browser.byId("perm-projects-update").isSelected()).isTrue();

		browser.byId("perm-projects-update").click();
		browser.find(By.cssSelector("#role-form button[type=submit]")).click();
		browser.waitForDone("saved");
		assertThat(browser.byId("perm-projects-update").isSelected()).isFalse();
		assertThat(browser.byId("perm-projects-read").isSelected()).isTrue();

		browser.find(By.xpath("//button[normalize-space()='Delete role']")).click();
		browser.acceptConfirmation();
		browser.waitForDone("role-deleted");
		assertThat(browser.driver.findElements(By.linkText(name))).isEmpty();
	}
}
