package io.gatehouse.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing destructive on one click: each such action asks first, naming the object and what follows. Cancelling leaves
 * the object as it was; accepting does the action.
 */
class ConsoleConfirmationsBrowserIntegrationTests extends ConsoleBrowserTest {

	@Test
	void theUserPageConfirmsTheTemporaryPasswordAndDeactivationWhichIsNotItsFirstSubmitButton() {
		Map<String, Object> user = createUser(unique("cfu"));
		String username = (String) user.get("username");
		signInAsAdmin();
		UserPage page = new UserPage(browser).open(user.get("id"));
		assertThat(browser.script("return document.querySelector('main button[type=submit]').textContent.trim()"))
			.isNotEqualTo("Generate temporary password");
		// Enter in a field sends the user form, whose first button is Save: no dialog, no password
		browser.byId("department").sendKeys("Ops", Keys.ENTER);
		browser.waitForDone("saved");
		assertThat(browser.driver.findElements(By.id("temporary-password-value"))).isEmpty();

		browser.find(By.xpath("//button[normalize-space()='Generate temporary password']")).click();
		assertThat(browser.dismissConfirmation()).contains("temporary password for " + username);
		assertThat(browser.driver.findElements(By.id("temporary-password-value"))).isEmpty();
		signIn(username, PASSWORD);
		assertThat(page.generateTemporaryPassword()).isNotBlank();

		page.open(user.get("id"));
		browser.find(By.xpath("//button[normalize-space()='Deactivate']")).click();
		assertThat(browser.dismissConfirmation()).startsWith("Deactivate " + username + "?").contains("cannot sign in");
		page.open(user.get("id"));
		assertThat(page.status()).isEqualTo("Active");
		page.deactivate();
		assertThat(page.status()).isEqualTo("Deactivated");
		page.reactivate();

		// the other way to deactivate, unticking Is Active, asks too; saving with it ticked does not
		browser.byId("active").click();
		new UserFormPage(browser).save();
		assertThat(browser.dismissConfirmation()).startsWith("Deactivate " + username + "?");
		page.open(user.get("id"));
		assertThat(page.status()).isEqualTo("Active");
		assertThat(browser.byId("active").isSelected()).isTrue();
	}

	@Test
	void aUsersSessionsAndTokensAreEndedAndRevokedOnlyAfterConfirmation() {
		Map<String, Object> user = createUser(unique("cfs"));
		String username = (String) user.get("username");
		String token = signIn(username, PASSWORD).createToken("ci confirm");
		signInAsAdmin();

		browser.open("/console/users/" + user.get("id") + "/sessions");
		browser.find(By.xpath("//button[normalize-space()='End all sessions']")).click();
		assertThat(browser.dismissConfirmation()).contains("End all sessions of " + username + "?");
		assertThat(sessionCount(user)).isGreaterThan(0);
		browser.find(By.xpath("//button[normalize-space()='End all sessions']")).click();
		browser.acceptConfirmation();
		browser.waitForDone("sessions-ended");
		assertThat(sessionCount(user)).isZero();

		browser.open("/console/users/" + user.get("id") + "/tokens");
		browser.find(By.cssSelector("button[aria-label='Revoke ci confirm']")).click();
		assertThat(browser.dismissConfirmation()).contains("Revoke the token ci confirm of " + username + "?");
		withToken(token).get().uri("/api/v1/me").exchange().expectStatus().isOk();
		browser.find(By.cssSelector("button[aria-label='Revoke ci confirm']")).click();
		browser.acceptConfirmation();
		browser.waitForDone("token-revoked");
		withToken(token).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void theProfileConfirmsRevokingResettingAndEndingSessions() {
		Map<String, Object> user = createUser(unique("cfp"));
		String username = (String) user.get("username");
		SignedIn elsewhere = signIn(username, PASSWORD, "198.51.100.61", "Other-Browser/1.0");
		String laptop = elsewhere.createToken("laptop");
		String desk = elsewhere.createToken("desk");
		signIn(username, PASSWORD, "198.51.100.62", "Third-Browser/1.0");
		browser.signIn(username, PASSWORD);

		browser.open("/console/profile");
		browser.find(By.cssSelector("button[aria-label='Revoke laptop']")).click();
		assertThat(browser.dismissConfirmation()).contains("Revoke the token laptop?");
		withToken(laptop).get().uri("/api/v1/me").exchange().expectStatus().isOk();
		browser.find(By.cssSelector("button[aria-label='Revoke laptop']")).click();
		browser.acceptConfirmation();
		browser.waitForDone("token-revoked");
		withToken(laptop).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();

		browser.find(By.xpath("//button[normalize-space()='Reset API token']")).click();
		assertThat(browser.dismissConfirmation()).contains("Reset the API tokens of " + username + "?");
		withToken(desk).get().uri("/api/v1/me").exchange().expectStatus().isOk();
		browser.open("/console/profile");
		browser.find(By.xpath("//button[normalize-space()='Reset API token']")).click();
		browser.acceptConfirmation();
		browser.byId("issued-token");
		withToken(desk).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();

		browser.open("/console/profile/security");
		By endOther = By.xpath("//button[@aria-label='End the session from 198.51.100.61']");
		browser.find(endOther).click();
		assertThat(browser.dismissConfirmation()).contains("End the session from 198.51.100.61?");
		elsewhere.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();
		browser.find(endOther).click();
		browser.acceptConfirmation();
		browser.waitForDone("session-ended");
		elsewhere.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();

		By endAll = By.xpath("//button[normalize-space()='End all other sessions']");
		browser.find(endAll).click();
		assertThat(browser.dismissConfirmation()).contains("End all your other sessions?");
		assertThat(browser.text(By.id("sessions"))).contains("Third-Browser/1.0");
		browser.find(endAll).click();
		browser.acceptConfirmation();
		browser.waitForDone("other-sessions-ended");
		assertThat(browser.text(By.id("sessions"))).doesNotContain("Third-Browser/1.0").contains("This session");
	}

	@Test
	void aGroupsMembersPermissionsAndTheGroupItselfGoOnlyAfterConfirmation() {
		Map<String, Object> member = createUser(unique("cfg"));
		String username = (String) member.get("username");
		String name = unique("Confirmed ");
		signInAsAdmin();
		browser.open("/console/groups/new");
		browser.type("name", name);
		browser.find(By.cssSelector("#group-form button[type=submit]")).click();
		browser.waitForDone("group-created");
		String groupPath = browser.path().replaceAll("\\?.*", "");
		GroupPage group = new GroupPage(browser).addMember(username).addPermission("projects", "read");

		By removeMember = By.cssSelector("button[aria-label='Remove " + username + " from the group']");
		browser.find(removeMember).click();
		assertThat(browser.dismissConfirmation()).contains("Remove " + username + " from " + name + "?");
		browser.open(groupPath);
		assertThat(group.members()).contains(username);
		browser.find(removeMember).click();
		browser.acceptConfirmation();
		browser.waitForDone("member-removed");
		assertThat(group.members()).doesNotContain(username);

		browser.find(By.cssSelector("button[aria-label='Remove projects']")).click();
		assertThat(browser.dismissConfirmation()).contains("Remove the projects entry of " + name + "?");
		browser.open(groupPath);
		assertThat(group.permissionRows()).extracting(row -> row.get(0)).containsExactly("projects");
		group.removePermission("projects");
		assertThat(group.permissionRows()).isEmpty();

		By delete = By.xpath("//button[normalize-space()='Delete group']");
		browser.find(delete).click();
		assertThat(browser.dismissConfirmation()).contains("Delete the group " + name + "?");
		browser.open(groupPath);
		assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo(name);
		browser.find(delete).click();
		browser.acceptConfirmation();
		browser.waitForDone("group-deleted");
		assertThat(browser.driver.findElements(By.linkText(name))).isEmpty();
	}

	@Test
	void aRoleIsDeletedOnlyAfterConfirmation() {
		String name = unique("Confirmed role ");
		signInAsAdmin();
		browser.open("/console/roles/new");
		browser.type("name", name);
		browser.byId("perm-projects-read").click();
		browser.find(By.cssSelector("#role-form button[type=submit]")).click();
		browser.waitForDone("role-created");
		String rolePath = browser.path().replaceAll("\\?.*", "");

		By delete = By.xpath("//button[normalize-space()='Delete role']");
		browser.find(delete).click();
		assertThat(browser.dismissConfirmation()).contains("Delete the role " + name + "?");
		browser.open(rolePath);
		assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo(name);
		browser.find(delete).click();
		browser.acceptConfirmation();
		browser.waitForDone("role-deleted");
		assertThat(browser.driver.findElements(By.linkText(name))).isEmpty();
	}

	@Test
	void anInvitationIsCancelledOnlyAfterConfirmation() {
		String email = unique("cfi") + "@example.com";
		signInAsAdmin();
		browser.open("/console/invitations");
		browser.type("email", email);
		new RolePicker(browser).clear().search("Instance: Viewer");
		browser.find(By.xpath("//button[normalize-space()='Send invitation']")).click();
		browser.waitForDone("invited");

		By cancel = By.cssSelector("button[aria-label='Cancel the invitation of " + email + "']");
		browser.find(cancel).click();
		assertThat(browser.dismissConfirmation()).contains("Cancel the invitation of " + email + "?");
		browser.open("/console/invitations");
		assertThat(browser.driver.findElements(By.cssSelector("tr[data-email='" + email + "']"))).hasSize(1);
		browser.find(cancel).click();
		browser.acceptConfirmation();
		browser.waitForDone("invitation-cancelled");
		assertThat(browser.driver.findElements(By.cssSelector("tr[data-email='" + email + "']"))).isEmpty();
	}

	@Test
	void anAccessRowOfAResourceIsRemovedOnlyAfterConfirmation() {
		String workspace = createResource(admin(), "workspace", unique("Confirm "), null);
		String project = createResource(admin(), "project", unique("Apollo "), workspace);
		Map<String, Object> user = createUser(unique("cfr"));
		String username = (String) user.get("username");
		signInAsAdmin();
		ResourcePage page = new ResourcePage(browser).open(project);
		page.grantAndWait(username, null, "write (Editor)");

		browser.find(By.cssSelector("button[aria-label='Remove Editor of " + username + "']")).click();
		assertThat(browser.dismissConfirmation()).contains("Remove Editor of " + username + " on ");
		page.open(project);
		assertThat(page.accessRows()).contains(List.of(username, "User", "Editor", "write"));
		page.remove("Editor", username);
		assertThat(page.accessRows()).doesNotContain(List.of(username, "User", "Editor", "write"));
	}

	@Test
	void switchingAModeToExternalIsConfirmedAndOtherSavesAreNot() {
		signInAsAdmin();
		SettingsPage settings = new SettingsPage(browser).open();
		String signIn = settings.selected("signInMode");
		String authorization = settings.selected("authorizationMode");
		assertThat(signIn).isNotEqualTo("external");
		try {
			settings.choose("signInMode", "external");
			browser.find(By.xpath("//button[normalize-space()='Save settings']")).click();
			assertThat(browser.dismissConfirmation()).contains("sign-in mode to external");
			assertThat(new SettingsPage(browser).open().selected("signInMode")).isEqualTo(signIn);

			// a save that leaves the modes as they are asks nothing (an open dialog would fail the wait)
			settings.save();

			settings.choose("authorizationMode", "external");
			assertThat(settings.saveConfirmed()).contains("authorization mode to external")
				.doesNotContain("sign-in mode");
			assertThat(new SettingsPage(browser).open().selected("authorizationMode")).isEqualTo("external");
			// already external: saving again asks nothing
			settings.save();
		}
		finally {
			// back to the defaults, not merely to their values: other classes read the settings as unchanged
			Map<String, Object> defaults = new HashMap<>();
			defaults.put("signInMode", null);
			defaults.put("authorizationMode", null);
			admin().patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON).body(defaults).exchange()
				.expectStatus().isOk();
		}
	}

	private int sessionCount(Map<String, Object> user) {
		List<?> sessions = admin().get().uri("/api/v1/users/{id}/sessions", user.get("id")).exchange()
			.expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
		return sessions.size();
	}
}
