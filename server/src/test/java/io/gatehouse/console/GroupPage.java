package io.gatehouse.console;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A group's page: its Default Permissions, the permission table, the members. */
final class GroupPage {

	private final ConsoleBrowser browser;

	GroupPage(ConsoleBrowser browser) {
		this.browser = browser;
	}

	GroupPage addPermission(String area, String... access) {
		new Select(browser.byId("area")).selectByValue(area);
		for (String action : access) {
			browser.byId("access-" + action).click();
		}
		browser.find(By.xpath("//button[normalize-space()='+ Add permission']")).click();
		browser.waitForDone("saved");
		return this;
	}

	/**
	 * The permission table's rows as their cells' text (Area, Access, Path). The address says "saved" before the new
	 * page has replaced the old one, so a row read meanwhile can go stale: then the table is read again.
	 */
	List<List<String>> permissionRows() {
		for (int attempt = 1;; attempt++) {
			try {
				return readPermissionRows();
			}
			catch (StaleElementReferenceException ex) {
				if (attempt == 10) {
					throw ex;
				}
				browser.waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
			}
		}
	}

	private List<List<String>> readPermissionRows() {
		return browser.driver.findElements(By.cssSelector("#permissions tbody tr"))
			.stream()
			.map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).map(String::strip).toList())
			.filter(cells -> cells.size() == 4)
			.toList();
	}

	GroupPage addMember(String login) {
		browser.type("login", login);
		browser.find(By.xpath("//button[normalize-space()='+ Add member']")).click();
		browser.waitForDone("member-added");
		return this;
	}

	String members() {
		return browser.text(By.cssSelector("#members .member-list"));
	}

	void removePermission(String area) {
		browser.find(By.cssSelector("button[aria-label='Remove " + area + "']")).click();
		browser.acceptConfirmation();
		browser.waitForDone("saved");
	}
}
