package io.gatehouse.console;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Reseller Account of the user page, Move on a resource's page, first and last name on an invitation, where a
 * role is bound, and the users list with the groups beside it on a wide screen.
 */
class ConsoleRemainingControlsBrowserIntegrationTests extends ConsoleBrowserTest {

	@Test
	void aUserIsRestrictedToAWorkspaceAndReleased() {
		String workspace = unique("Reseller ");
		String workspaceId = createResource(admin(), "workspace", workspace, null);
		Map<String, Object> user = createUser(unique("rs"));
		signInAsAdmin();
		new UserPage(browser).open((String) user.get("id"));
		new Select(browser.byId("resourceId")).selectByVisibleText(workspace + " (workspace)");
		browser.screenshot("user-reseller-account");
		browser.find(By.xpath("//button[normalize-space()='Save restriction']")).click();
		browser.waitForDone("saved");
		assertThat(new Select(browser.byId("resourceId")).getFirstSelectedOption().getText()).isEqualTo(workspace + " (workspace)");
		admin().get().uri("/api/v1/users/{id}/restriction", user.get("id")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.resourceId").isEqualTo(workspaceId);

		new UserPage(browser).open((String) user.get("id"));
		new Select(browser.byId("resourceId")).selectByVisibleText("Not restricted");
		browser.find(By.xpath("//button[normalize-space()='Save restriction']")).click();
		browser.waitForDone("saved");
		admin().get().uri("/api/v1/users/{id}/restriction", user.get("id")).exchange().expectStatus().isNoContent();
	}

	/** + New User makes a reseller in one step; a workspace gone meanwhile is named on the form and no user is made. */
	@Test
	void aResellerIsMadeOnNewUser() {
		String workspace = unique("Resold ");
		createResource(admin(), "workspace", workspace, null);
		String username = unique("reseller");
		signInAsAdmin();
		UserFormPage form = new UserFormPage(browser).openNew();
		form.set("username", username).set("email", username + "@example.com").chooseRole("Instance: Viewer", true);
		new Select(browser.byId("restrictionResourceId")).selectByVisibleText(workspace + " (workspace)");
		browser.screenshot("user-new-reseller-account");
		form.save();
		browser.waitForDone("created");
		String id = browser.path().replaceAll("^/console/users/([0-9a-f-]{36}).*$", "$1");
		assertThat(new Select(browser.byId("resourceId")).getFirstSelectedOption().getText())
			.as("the user page's Reseller Account").isEqualTo(workspace + " (workspace)");
		admin().get().uri("/api/v1/users/{id}/restriction", id).exchange().expectStatus().isOk();

		String gone = unique("Gone ");
		String goneId = createResource(admin(), "workspace", gone, null);
		String refused = unique("refused");
		form.openNew();
		form.set("username", refused).set("email", refused + "@example.com").chooseRole("Instance: Viewer", true);
		new Select(browser.byId("restrictionResourceId")).selectByVisibleText(gone + " (workspace)");
		admin().delete().uri("/api/v1/resources/{id}", goneId).exchange().expectStatus().is2xxSuccessful();
		form.save();
		assertThat(form.fieldError("restrictionResourceId")).isEqualTo("Is not a known resource.");
		assertThat(browser.byId("username").getAttribute("value")).as("typed values kept").isEqualTo(refused);
		browser.screenshot("user-new-reseller-refused");
		admin().get().uri("/api/v1/users?q={q}", refused).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.items").isEmpty();
	}

	@Test
	void aResourceIsMovedUnderAnotherParent() {
		String from = unique("From ");
		String to = unique("To ");
		String fromId = createResource(admin(), "workspace", from, null);
		String toId = createResource(admin(), "workspace", to, null);
		String project = createResource(admin(), "project", unique("Moved "), fromId);
		signInAsAdmin();
		browser.open("/console/resources/" + project);
		browser.find(By.xpath("//button[normalize-space()='Move']")).click();
		new Select(browser.byId("parentId")).selectByVisibleText("Instance › " + to + " (workspace)");
		browser.screenshot("resource-move");
		browser.find(By.cssSelector("#move-form button[type=submit]")).click();
		browser.waitForDone("resource-moved");
		assertThat(browser.text(By.cssSelector("nav ol.breadcrumb, .breadcrumb"))).contains(to).doesNotContain(from);
		assertThat(admin().get().uri("/api/v1/resources/{id}", project).exchange().expectBody(JSON).returnResult()
			.getResponseBody().get("parentId")).isEqualTo(toId);
	}

	@Test
	void anInvitationCarriesTheFirstAndLastName() {
		String email = unique("named") + "@example.com";
		signInAsAdmin();
		browser.open("/console/invitations");
		browser.type("email", email);
		browser.type("firstName", "Grace");
		browser.type("lastName", "Hopper");
		new RolePicker(browser).clear().search("Instance: Viewer");
		browser.find(By.xpath("//button[normalize-space()='Send invitation']")).click();
		browser.waitForDone("invited");
		String link = browser.find(By.cssSelector("tr[data-email='" + email + "'] a")).getAttribute("href");
		Map<String, Object> invited = admin().get().uri("/api/v1/users/{id}", link.substring(link.lastIndexOf('/') + 1))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		assertThat(invited).containsEntry("firstName", "Grace").containsEntry("lastName", "Hopper");
	}

	@Test
	void aRolesPageSaysWhereItIsBound() {
		String workspace = unique("Bound ");
		String workspaceId = createResource(admin(), "workspace", workspace, null);
		String role = (String) admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Auditor "), "permissions", List.of("audit:read")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		String username = unique("bd");
		Map<String, Object> user = createUser(username);
		admin().post().uri("/api/v1/resources/{id}/bindings", workspaceId).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("principalType", "user", "principalId", user.get("id"), "roleId", role))
			.exchange().expectStatus().isCreated();
		signInAsAdmin();
		browser.open("/console/roles/" + role);
		List<String> row = browser.find(By.cssSelector("#bound tbody tr")).findElements(By.tagName("td")).stream()
			.map(WebElement::getText).toList();
		assertThat(row.get(0)).contains(workspace);
		assertThat(row.get(1)).isEqualTo(username);
		assertThat(row.get(2)).isEqualTo("User");
		browser.screenshot("role-where-bound");
		String unbound = (String) admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Unbound "), "permissions", List.of("audit:read")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		browser.open("/console/roles/" + unbound);
		assertThat(browser.text(By.id("bound"))).contains("Not bound anywhere");
	}

	@Test
	void theGroupsAreBesideTheUsersOnAWideScreen() {
		signInAsAdmin();
		try {
			browser.driver.manage().window().setSize(new Dimension(1600, 900));
			browser.open("/console/users");
			WebElement users = browser.find(By.id("user-results"));
			WebElement groups = browser.find(By.id("groups-aside"));
			assertThat(groups.getRect().getX()).isGreaterThan(users.getRect().getX() + users.getRect().getWidth() - 1);
			assertThat(groups.getRect().getY()).isLessThan(users.getRect().getY() + users.getRect().getHeight());
			// the aside lists the first groups in the Groups page's order; other tests' groups may push any given one out
			List<Map<String, Object>> all = admin().get().uri("/api/v1/groups").exchange().expectStatus().isOk()
				.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
				}).returnResult().getResponseBody();
			assertThat(groups.getText()).contains((String) all.get(0).get("name"));
			browser.screenshot("users-and-groups-wide", 1600);

			browser.driver.manage().window().setSize(new Dimension(1280, 900));
			browser.open("/console/users");
			users = browser.find(By.id("user-results"));
			groups = browser.find(By.id("groups-aside"));
			assertThat(groups.getRect().getY()).isGreaterThanOrEqualTo(users.getRect().getY() + users.getRect().getHeight());
		}
		finally {
			browser.driver.manage().window().setSize(new Dimension(1280, 900));
		}
	}
}
