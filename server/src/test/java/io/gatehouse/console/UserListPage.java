package io.gatehouse.console;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The users list (Settings → Users) as a person uses it. */
final class UserListPage {

	private final ConsoleBrowser browser;

	UserListPage(ConsoleBrowser browser) {
		this.browser = browser;
	}

	UserListPage open() {
		browser.open("/console/users");
		browser.find(By.cssSelector("#user-results table"));
		return this;
	}

	/** Types into the search box and waits for the live results of the whole text. */
	UserListPage search(String text) {
		browser.type("q", text);
		settled("q", text);
		return this;
	}

	UserListPage filter(String selectId, String visibleText) {
		Select select = new Select(browser.byId(selectId));
		select.selectByVisibleText(visibleText);
		settled(selectId, select.getFirstSelectedOption().getAttribute("value"));
		return this;
	}

	/**
	 * Waits until htmx has pushed the URL of this state and is done swapping: every keystroke may start a request,
	 * and only the last one's results count.
	 */
	private void settled(String param, String value) {
		browser.waitFor(d -> Boolean.TRUE.equals(browser.script("""
				return new URL(location.href).searchParams.get(arguments[0]) === arguments[1]
				    && document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling') === null""", param, value)));
	}

	/**
	 * The cells of the row of this username, or an empty list when the list does not show it; read in one script so
	 * that no swap can happen halfway.
	 */
	@SuppressWarnings("unchecked")
	List<String> row(String username) {
		return (List<String>) browser.script("""
				for (const row of document.querySelectorAll('#user-results tbody tr')) {
				  const link = row.querySelector('td.username-cell a');
				  if (link && link.textContent.trim() === arguments[0]) {
				    return Array.from(row.querySelectorAll('td[data-label]')).map(td => td.innerText.trim());
				  }
				}
				return [];""", username);
	}

	@SuppressWarnings("unchecked")
	List<String> usernames() {
		return (List<String>) browser.script(
				"return Array.from(document.querySelectorAll('#user-results tbody td.username-cell a')).map(a => a.textContent.trim())");
	}

	List<String> headers() {
		return browser.driver.findElements(By.cssSelector("#user-results thead th:not(.select-cell):not(.actions-head)"))
			.stream()
			.map(WebElement::getText)
			.map(text -> text.replace("▲", "").replace("▼", "").strip())
			.toList();
	}

	void openUser(String username) {
		browser.find(By.linkText(username)).click();
		browser.find(By.cssSelector("nav.tabs"));
	}
}
