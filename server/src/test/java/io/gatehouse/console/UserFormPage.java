package io.gatehouse.console;

import org.openqa.selenium.By;
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

	/** Picks or drops a User Roles choice by its label, e.g. {@code Instance: Viewer}; the others stay as they are. */
	UserFormPage chooseRole(String label, boolean on) {
		RolePicker picker = new RolePicker(browser);
		if (on) {
			picker.search(label);
		}
		else {
			picker.remove(label);
		}
		return this;
	}

	RolePicker roles() {
		return new RolePicker(browser);
	}

	UserFormPage chooseGroup(String name, boolean on) {
		return choose("groups", name, on);
	}

	private UserFormPage choose(String selectId, String label, boolean on) {
		Select select = new Select(browser.byId(selectId));
		if (on) {
			select.selectByVisibleText(label);
		}
		else {
			select.deselectByVisibleText(label);
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
		return fieldError("bindings");
	}
}
