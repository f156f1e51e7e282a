package io.gatehouse.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The user form, on + New User and on a user's Details tab. */
final class UserFormPage {

	private final ConsoleBrowser browser;

	UserFormPage(ConsoleBrowser browser) {
		this.browser = browser;
	}

	UserFormPage openNew() {
		browser.open("/console/users/new");
		browser.byId("user-form");
		return this;
	}

	UserFormPage set(String field, String value) {
		browser.type(field, value);
		return this;
	}

	UserFormPage timeZone(String zone) {
		new Select(browser.byId("timeZone")).selectByValue(zone);
		return this;
	}

	/** Ticks or unticks a User Roles or Groups choice by its label, e.g. {@code Instance: Viewer}. */
	UserFormPage choose(String label, boolean on) {
		WebElement box = browser.find(By.xpath("//label[span[normalize-space()='" + label + "']]/input"));
		if (box.isSelected() != on) {
			box.click();
		}
		return this;
	}

	void save() {
		browser.find(By.cssSelector("#user-form button[type=submit]")).click();
	}

	String fieldError(String field) {
		return browser.find(By.xpath("//*[@id='" + field + "']/ancestor::*[contains(@class,'field') or self::fieldset][1]//*[contains(@class,'error')]"))
			.getText();
	}

	String rolesError() {
		return browser.find(By.xpath("//fieldset[legend='User Roles']//*[contains(@class,'error')]")).getText();
	}
}
