package io.gatehouse.console;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The role picker of the user form, invitations and Add people: chips of the chosen roles, a search box, and a pair of
 * lists (workspace or instance, then role) with Add role.
 */
final class RolePicker {

	private final ConsoleBrowser browser;

	private final String id;

	RolePicker(ConsoleBrowser browser) {
		this(browser, "bindings");
	}

	RolePicker(ConsoleBrowser browser, String id) {
		this.browser = browser;
		this.id = id;
	}

	/** Types the whole label, e.g. {@code Instance: Viewer}, into the search box and presses Enter. */
	RolePicker search(String label) {
		WebElement search = browser.byId(id);
		search.clear();
		search.sendKeys(label, Keys.ENTER);
		browser.waitFor(d -> chosen().contains(label));
		return this;
	}

	/** With the mouse: the workspace (or Instance), then the role, then Add role. */
	RolePicker pick(String scope, String role) {
		new Select(browser.byId(id + "-scope")).selectByVisibleText(scope);
		new Select(browser.byId(id + "-role")).selectByVisibleText(role);
		browser.byId(id + "-add").click();
		browser.waitFor(d -> chosen().contains(scope + ": " + role));
		return this;
	}

	RolePicker remove(String label) {
		browser.find(By.cssSelector("[data-picker-for='" + id + "'] button[aria-label='Remove " + label + "']")).click();
		browser.waitFor(d -> !chosen().contains(label));
		return this;
	}

	RolePicker clear() {
		for (String label : chosen()) {
			remove(label);
		}
		return this;
	}

	/** The chips, in order. */
	List<String> chosen() {
		return browser.driver.findElements(By.cssSelector("[data-picker-for='" + id + "'] .chip > span"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/** Every choice the form offers, chosen or not, as {@code Workspace: Role}. */
	@SuppressWarnings("unchecked")
	List<String> offered() {
		return (List<String>) browser.script(
				"return Array.from(document.getElementById(arguments[0]).options).map(o => o.textContent.trim())",
				id + "-values");
	}
}
