package io.gatehouse.console;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The resource tree and a resource's page: its children, its access table, ownership, as a person uses them. */
final class ResourcePage {

	private final ConsoleBrowser browser;

	ResourcePage(ConsoleBrowser browser) {
		this.browser = browser;
	}

	ResourcePage openTree() {
		browser.open("/console/resources");
		browser.find(By.cssSelector("ul.tree"));
		return this;
	}

	ResourcePage open(Object id) {
		browser.open("/console/resources/" + id);
		browser.find(By.cssSelector("main h1"));
		return this;
	}

	/** Creates a child of the open resource (or of the instance, on the tree) and lands on the new one's page. */
	ResourcePage createChild(String type, String name) {
		new Select(browser.byId("child-type")).selectByValue(type);
		browser.type("child-name", name);
		browser.find(By.cssSelector("#create-form button[type=submit]")).click();
		browser.waitForDone("resource-created");
		return this;
	}

	/** Opens the branch of this name in the tree and waits for its children to be loaded. */
	void expand(String name) {
		WebElement summary = browser.find(By.xpath("//summary[a[normalize-space()='" + name + "']]"));
		summary.findElement(By.cssSelector(".chip")).click();
		browser.waitFor(d -> !summary.findElement(By.xpath("..")).getText().contains("Loading…")
				&& Boolean.TRUE.equals(browser.script("return document.querySelector('.htmx-request') === null")));
	}

	/** The names in the tree, in document order, as visible now. */
	List<String> visibleNames() {
		return browser.driver.findElements(By.cssSelector("ul.tree summary a"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map(WebElement::getText)
			.toList();
	}

	String title() {
		return browser.text(By.cssSelector("main h1"));
	}

	String owner() {
		return browser.text(By.id("resource-owner"));
	}

	String breadcrumb() {
		return browser.text(By.cssSelector(".breadcrumb"));
	}

	/** Grants a user (by login) or a group (by name) the role or policy of this visible label, e.g. "none (No Access)". */
	void grant(String login, String group, String roleLabel) {
		if (login != null) {
			browser.type("grant-login", login);
		}
		if (group != null) {
			new Select(browser.byId("grant-group")).selectByVisibleText(group);
		}
		new Select(browser.byId("grant-role")).selectByVisibleText(roleLabel);
		browser.find(By.cssSelector("#grant-form button[type=submit]")).click();
	}

	void grantAndWait(String login, String group, String roleLabel) {
		grant(login, group, roleLabel);
		browser.waitForDone("binding-added");
	}

	/** The access table's rows as their cells' text: Who, Kind, Role, Policy. */
	@SuppressWarnings("unchecked")
	List<List<String>> accessRows() {
		return (List<List<String>>) browser.script("""
				return Array.from(document.querySelectorAll('#access-table tbody tr'))
				  .map(tr => Array.from(tr.querySelectorAll('td')).slice(0, 4).map(td => td.innerText.trim()))
				  .filter(cells => cells.length === 4);""");
	}

	void remove(String roleName, String principal) {
		browser.find(By.cssSelector("button[aria-label='Remove " + roleName + " of " + principal + "']")).click();
		browser.acceptConfirmation();
		browser.waitForDone("binding-removed");
	}

	/** Asks the page whether the user holds the permission here, and returns its explanation. */
	String explain(String login, String permission) {
		browser.type("check-login", login);
		new Select(browser.byId("check-permission")).selectByValue(permission);
		browser.find(By.cssSelector("#check-form button[type=submit]")).click();
		return browser.text(By.cssSelector("#check-result .alert"));
	}

	String grantError() {
		return browser.text(By.id("grant-error"));
	}

	/** Opens the Transfer ownership dialog, names the new owner and confirms. */
	void transferOwnership(String login) {
		browser.find(By.xpath("//button[normalize-space()='Transfer ownership']")).click();
		browser.type("owner", login);
		browser.find(By.cssSelector("#owner-form button[type=submit]")).click();
	}

	void transferOwnershipAndWait(String login) {
		transferOwnership(login);
		browser.waitForDone("owner-transferred");
	}

	void delete() {
		browser.find(By.xpath("//div[@class='actions']/button[normalize-space()='Delete']")).click();
		browser.find(By.cssSelector("#delete-resource button[type=submit]")).click();
	}

	void rename(String name) {
		browser.type("name", name);
		browser.find(By.cssSelector("#rename-form button[type=submit]")).click();
		browser.waitForDone("saved");
	}

	boolean has(By control) {
		return !browser.driver.findElements(control).isEmpty();
	}

}
