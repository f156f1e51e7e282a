package io.gatehouse.console;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The Settings page: one field per instance setting, saved together. */
final class SettingsPage {

	private final ConsoleBrowser browser;

	SettingsPage(ConsoleBrowser browser) {
		this.browser = browser;
	}

	SettingsPage open() {
		browser.open("/console/settings");
		browser.byId("settings-form");
		return this;
	}

	SettingsPage choose(String setting, String value) {
		new Select(browser.byId(setting)).selectByValue(value);
		return this;
	}

	SettingsPage type(String setting, String value) {
		browser.type(setting, value);
		return this;
	}

	String selected(String setting) {
		return new Select(browser.byId(setting)).getFirstSelectedOption().getAttribute("value");
	}

	/** The words shown for a choice's code. */
	String label(String setting, String code) {
		return browser.find(By.cssSelector("#" + setting + " option[value='" + code + "']")).getAttribute("textContent");
	}

	void save() {
		browser.find(By.xpath("//button[normalize-space()='Save settings']")).click();
		browser.waitFor(d -> !d.findElements(By.cssSelector("#flash .alert, .alert.error")).isEmpty());
	}

	/** Saves a change that asks for confirmation (a mode becoming external), accepts it and returns its text. */
	String saveConfirmed() {
		browser.find(By.xpath("//button[normalize-space()='Save settings']")).click();
		String text = browser.acceptConfirmation();
		browser.waitFor(d -> !d.findElements(By.cssSelector("#flash .alert, .alert.error")).isEmpty());
		return text;
	}

	String notice() {
		return browser.text(By.cssSelector("#flash .alert"));
	}

	String error(String setting) {
		return browser.find(By.xpath("//*[@id='" + setting + "']/ancestor::div[contains(@class,'field')]"
				+ "/*[contains(@class,'error')]")).getText();
	}
}
