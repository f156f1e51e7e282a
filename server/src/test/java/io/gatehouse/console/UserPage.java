package io.gatehouse.console;

import org.openqa.selenium.By;

/** A user's page: its actions (Reset Password, temporary password, deactivate) and tabs. */
final class UserPage {

	private final ConsoleBrowser browser;

	UserPage(ConsoleBrowser browser) {
		this.browser = browser;
	}

	UserPage open(Object id) {
		browser.open("/console/users/" + id);
		browser.find(By.cssSelector("nav.tabs"));
		return this;
	}

	String status() {
		return browser.text(By.cssSelector(".page-head .muted span"));
	}

	String notice() {
		return browser.text(By.cssSelector("#flash .alert"));
	}

	void resetPassword(String password, String confirm) {
		browser.find(By.xpath("//button[normalize-space()='Reset Password']")).click();
		browser.type("reset-password-input", password);
		browser.type("reset-confirm-input", confirm);
		browser.find(By.cssSelector("#reset-password-form button[type=submit]")).click();
	}

	String resetError(String inputId) {
		return browser.find(By.xpath("//*[@id='" + inputId + "']/following-sibling::*[contains(@class,'error')]")).getText();
	}

	String generateTemporaryPassword() {
		browser.find(By.xpath("//button[normalize-space()='Generate temporary password']")).click();
		browser.acceptConfirmation();
		return browser.byId("temporary-password-value").getText();
	}

	void deactivate() {
		browser.find(By.xpath("//button[normalize-space()='Deactivate']")).click();
		browser.acceptConfirmation();
		browser.waitForDone("deactivated");
	}

	void reactivate() {
		browser.find(By.xpath("//button[normalize-space()='Reactivate']")).click();
		browser.waitForDone("reactivated");
	}

	void openActivity() {
		browser.find(By.linkText("Recent Activity")).click();
		browser.byId("activity");
	}
}
