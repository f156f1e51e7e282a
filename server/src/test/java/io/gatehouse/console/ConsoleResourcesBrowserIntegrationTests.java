package io.gatehouse.console;

import java.util.List;
import java.util.Map;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Resources;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Resources section in a real browser: the tree built and browsed, access granted as roles and object
 * policies, ownership handed over, and a Viewer kept to reading. What the pages set is then checked as
 * the engine decides it, through the API.
 */
class ConsoleResourcesBrowserIntegrationTests extends ConsoleBrowserTest {

	@Test
	void aWorkspaceProjectAndEnvironmentAreCreatedInTheTree() {
		String workspace = unique("Acme ");
		String project = unique("Apollo ");
		String environment = unique("Production ");
		signInAsAdmin();
		ResourcePage page = new ResourcePage(browser).openTree();
		page.createChild("workspace", workspace);
		assertThat(page.title()).isEqualTo(workspace);
		assertThat(page.owner()).isEqualTo("admin (you)");
		// the usual child type is offered first: a project inside a workspace
		page.createChild("project", project);
		page.createChild("environment", environment);
		assertThat(page.breadcrumb()).contains("Resources", "Instance", workspace, project, environment);
		browser.screenshot("resource-details");

		page.openTree();
		assertThat(page.visibleNames()).contains(workspace).doesNotContain(project);
		page.expand(workspace);
		assertThat(page.visibleNames()).contains(project).doesNotContain(environment);
		page.expand(project);
		assertThat(page.visibleNames()).containsSubsequence(workspace, project, environment);
		browser.screenshot("resource-tree");
		browser.screenshot("resource-tree-phone", 390);

		// a resource with something inside cannot be deleted, and the page says why
		browser.find(By.linkText(workspace)).click();
		page.delete();
		assertThat(browser.text(By.id("delete-error"))).contains("still has child resources");
		assertThat(page.title()).isEqualTo(workspace);

		browser.find(By.linkText(project)).click();
		browser.find(By.linkText(environment)).click();
		page.rename(environment + " EU");
		assertThat(page.title()).isEqualTo(environment + " EU");
		page.delete();
		browser.waitForDone("resource-deleted");
		assertThat(page.title()).isEqualTo(project);
		assertThat(browser.driver.findElements(By.linkText(environment + " EU"))).isEmpty();
	}

	@Test
	void aUserBoundAsEditorOnAProjectHasItInTheRoleColumnAndKeepsItWhenTheUserIsSaved() {
		String workspace = createResource(admin(), "workspace", unique("Acme "), null);
		String projectName = unique("Apollo ");
		String project = createResource(admin(), "project", projectName, workspace);
		Map<String, Object> user = createUser(unique("eddie"));
		String username = (String) user.get("username");
		signInAsAdmin();
		ResourcePage page = new ResourcePage(browser).open(project);
		page.grantAndWait(username, null, "write (Editor)");
		assertThat(page.accessRows()).contains(List.of(username, "User", "Editor", "write"));
		browser.screenshot("resource-access");
		assertThat(check(admin(), user, "projects:update", project).get("allowed")).isEqualTo(true);

		UserListPage list = new UserListPage(browser).open().search(username);
		assertThat(list.row(username)).anySatisfy(cell -> assertThat(cell).contains(projectName + ": Editor"));

		// the user form offers the project role too, so saving the form does not drop it
		list.openUser(username);
		assertThat(new RolePicker(browser).chosen()).contains(projectName + ": Editor");
		new UserFormPage(browser).save();
		browser.waitForDone("saved");
		assertThat(check(admin(), user, "projects:update", project).get("allowed")).isEqualTo(true);

		page.open(project);
		page.remove("Editor", username);
		assertThat(page.accessRows()).doesNotContain(List.of(username, "User", "Editor", "write"));
		assertThat(check(admin(), user, "projects:update", project).get("allowed")).isEqualTo(false);
	}

	@Test
	void aBigBranchOpensAPageAtATime() {
		String workspaceName = unique("Big ");
		String workspace = createResource(admin(), "workspace", workspaceName, null);
		for (int i = 0; i < 103; i++) {
			createResource(admin(), "project", String.format("Project %03d", i), workspace);
		}
		signInAsAdmin();
		ResourcePage page = new ResourcePage(browser).openTree();
		page.expand(workspaceName);
		assertThat(page.visibleNames()).contains("Project 099").doesNotContain("Project 100");
		browser.find(By.xpath("//button[normalize-space()='Show more (3 left)']")).click();
		browser.waitFor(d -> page.visibleNames().contains("Project 102"));
		assertThat(page.visibleNames()).filteredOn(name -> name.startsWith("Project ")).hasSize(103);
		assertThat(browser.driver.findElements(By.xpath("//button[starts-with(normalize-space(),'Show more')]"))).isEmpty();
	}

	@Test
	void aRoleDefinedInAWorkspaceIsOfferedInsideItNextToTheBuiltIns() {
		String acmeName = unique("Acme ");
		String acme = createResource(admin(), "workspace", acmeName, null);
		String project = createResource(admin(), "project", unique("Apollo "), acme);
		String other = createResource(admin(), "workspace", unique("Other "), null);
		String roleName = unique("Deployer ");
		admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", roleName, "permissions", List.of("environments:update"), "definedAt", acme))
			.exchange().expectStatus().isCreated();
		String groupName = unique("Release team ");
		admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", groupName)).exchange().expectStatus().isCreated();

		signInAsAdmin();
		ResourcePage page = new ResourcePage(browser).open(other);
		assertThat(browser.text(By.id("grant-role"))).contains("Admin", "write (Editor)").doesNotContain(roleName);
		page.open(project);
		assertThat(browser.text(By.id("grant-role"))).contains("Admin", "none (No Access)", roleName + " (" + acmeName + ")");
		page.grantAndWait(null, groupName, roleName + " (" + acmeName + ")");
		assertThat(page.accessRows()).contains(List.of(groupName, "Group", roleName, ""));

		// the user form offers it too, inside its workspace only
		browser.open("/console/users/new");
		assertThat(new RolePicker(browser).offered()).contains(acmeName + ": " + roleName)
			.doesNotContain("Instance: " + roleName);
	}

	@Test
	void anObjectPolicyOfNoneHidesOneEnvironment() {
		String workspace = createResource(admin(), "workspace", unique("Acme "), null);
		String project = createResource(admin(), "project", unique("Apollo "), workspace);
		String staging = createResource(admin(), "environment", unique("Staging "), project);
		String production = createResource(admin(), "environment", unique("Production "), project);
		Map<String, Object> user = createUser(unique("nora"));
		bind(admin(), project, user, BuiltInRoles.EDITOR).expectStatus().isCreated();
		assertThat(check(admin(), user, "environments:read", production).get("allowed")).isEqualTo(true);

		signInAsAdmin();
		ResourcePage page = new ResourcePage(browser).open(production);
		page.grantAndWait((String) user.get("username"), null, "none (No Access)");
		assertThat(page.accessRows()).contains(List.of((String) user.get("username"), "User", "No Access", "none"));
		// what is bound above is shown as inherited
		browser.find(By.cssSelector("details.inherited summary")).click();
		assertThat(browser.text(By.id("inherited-table"))).contains((String) user.get("username"), "Editor (write)");

		assertThat(check(admin(), user, "environments:read", production).get("allowed")).isEqualTo(false);
		// the page explains the decision in names, not ids
		String explained = page.explain((String) user.get("username"), "environments:read");
		assertThat(explained).startsWith("Denied:").contains("No Access bound to user " + user.get("username"))
			.doesNotContain(production);
		browser.screenshot("resource-policy-none");
		assertThat(check(admin(), user, "environments:read", staging).get("allowed")).isEqualTo(true);
		// and the user's own view of the project no longer lists it
		assertThat(signIn((String) user.get("username"), PASSWORD).client().get()
			.uri("/api/v1/resources/{id}/children", project).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody()).contains(staging).doesNotContain(production);
	}

	@Test
	void aGrantBeyondTheEditorsOwnPermissionsIsRefusedOnTheForm() {
		String role = (String) admin().post().uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Access manager "), "permissions",
					List.of("*:read", "roles:update")))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		Map<String, Object> manager = createUser(Map.of("username", unique("mgr"), "email", unique("mgr") + "@example.com",
				"password", PASSWORD, "bindings", List.of(Map.of("roleId", role))));
		Map<String, Object> other = createUser(unique("oth"));
		String workspace = createResource(admin(), "workspace", unique("Acme "), null);

		browser.signIn((String) manager.get("username"), PASSWORD);
		ResourcePage page = new ResourcePage(browser).open(workspace);
		page.grant((String) other.get("username"), null, "write (Editor)");
		assertThat(page.grantError()).contains("You cannot bind Editor here", "which you do not hold there");
		// the form keeps what was asked, so it can be corrected
		assertThat(browser.byId("grant-login").getAttribute("value")).isEqualTo(other.get("username"));
		browser.screenshot("resource-escalation-refused");
		assertThat(page.accessRows()).noneMatch(row -> row.get(0).equals(other.get("username")));

		// what they hold themselves they may grant
		page.grantAndWait((String) other.get("username"), null, "read (Viewer)");
		assertThat(page.accessRows()).contains(List.of((String) other.get("username"), "User", "Viewer", "read"));
	}

	@Test
	void ownershipIsTransferredAfterAConfirmation() {
		String name = unique("Acme ");
		String workspace = createResource(admin(), "workspace", name, null);
		Map<String, Object> heir = createUser(unique("heir"));
		signInAsAdmin();
		ResourcePage page = new ResourcePage(browser).open(workspace);
		assertThat(page.owner()).isEqualTo("admin (you)");
		browser.find(By.xpath("//button[normalize-space()='Transfer ownership']")).click();
		assertThat(browser.text(By.id("transfer-owner"))).contains("The new owner becomes Admin here");
		browser.screenshot("resource-transfer-owner");
		browser.find(By.cssSelector("#transfer-owner button[data-close-dialog]")).click();

		page.transferOwnership("nobody-" + unique("x"));
		// an unknown user is refused in the dialog, which opens again with the reason
		browser.waitFor(d -> browser.path().endsWith("/owner"));
		assertThat(browser.text(By.id("transfer-owner"))).contains("Is not a known user");
		browser.find(By.cssSelector("#transfer-owner button[data-close-dialog]")).click();

		page.transferOwnershipAndWait((String) heir.get("username"));
		assertThat(page.owner()).isEqualTo(heir.get("username"));
		assertThat(admin().get().uri("/api/v1/resources/{id}", workspace).exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody().get("ownerId")).isEqualTo(heir.get("id"));
		assertThat(check(admin(), heir, "users:update", workspace).get("allowed")).isEqualTo(true);
	}

	@Test
	void aViewerSeesTheTreeReadOnlyAndTheServerRefusesAForgedPost() {
		String workspaceName = unique("Acme ");
		String workspace = createResource(admin(), "workspace", workspaceName, null);
		String projectName = unique("Apollo ");
		String project = createResource(admin(), "project", projectName, workspace);
		Map<String, Object> viewer = createUser(Map.of("username", unique("vic"), "email", unique("vic") + "@example.com",
				"password", PASSWORD, "bindings", List.of(Map.of("roleId", BuiltInRoles.VIEWER.toString()))));

		browser.signIn((String) viewer.get("username"), PASSWORD);
		browser.find(By.linkText("Resources")).click();
		ResourcePage page = new ResourcePage(browser);
		browser.find(By.cssSelector("ul.tree"));
		assertThat(page.has(By.id("create-form"))).isFalse();
		page.expand(workspaceName);
		assertThat(page.visibleNames()).contains(projectName);
		browser.screenshot("resource-tree-viewer");

		browser.find(By.linkText(projectName)).click();
		browser.find(By.cssSelector("main h1"));
		assertThat(page.owner()).isEqualTo("another user");
		assertThat(page.has(By.id("create-form"))).isFalse();
		assertThat(page.has(By.id("rename-form"))).isFalse();
		assertThat(page.has(By.id("grant-form"))).isFalse();
		assertThat(page.has(By.xpath("//button[normalize-space()='Delete']"))).isFalse();
		assertThat(page.has(By.xpath("//button[normalize-space()='Transfer ownership']"))).isFalse();
		assertThat(browser.text(By.id("access"))).contains("You may not see who has access here.");

		// the viewer forges the form's post with a valid session and CSRF token: the domain refuses it
		Object status = browser.driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/console/resources/' + arguments[0] + '/children', {method: 'POST',
				  headers: {'Content-Type': 'application/x-www-form-urlencoded',
				            'X-CSRF-TOKEN': document.querySelector('meta[name="csrf-token"]').content},
				  body: 'type=environment&name=forged'}).then(r => done(r.status));""", project);
		assertThat(status).isEqualTo(403L);
		assertThat(browser.consoleErrors()).singleElement().asString().contains("403");
		assertThat(admin().get().uri("/api/v1/resources/{id}/children", project).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody()).doesNotContain("forged");
		assertThat(check(admin(), viewer, "resources:read", Resources.INSTANCE.toString()).get("allowed")).isEqualTo(true);
	}
}
