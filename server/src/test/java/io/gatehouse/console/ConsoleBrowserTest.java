package io.gatehouse.console;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the console's browser tests: the running server of {@link ApiIntegrationTest} and one headless Chromium
 * shared by all tests of a class (starting a browser costs seconds). Every test ends with an empty browser console.
 */
abstract class ConsoleBrowserTest extends ApiIntegrationTest {

	private static ConsoleBrowser shared;

	protected ConsoleBrowser browser;

	@BeforeEach
	void openBrowser() {
		if (!ConsoleBrowser.available()) {
			// like the PostgreSQL run: a developer without Chromium is told and skipped, CI fails instead
			String reason = "Chromium or chromedriver is not installed at " + ConsoleBrowser.CHROMIUM + " / "
					+ ConsoleBrowser.CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(reason + ": in CI the browser tests must not be skipped");
			}
			System.err.println("SKIPPED browser tests: " + reason);
			Assumptions.abort("SKIPPED browser tests: " + reason);
		}
		if (shared == null) {
			shared = new ConsoleBrowser(port);
		}
		browser = shared;
	}

	@AfterEach
	void noConsoleErrors() {
		if (browser == null) {
			return;
		}
		assertThat(browser.consoleErrors()).as("errors in the browser console").isEmpty();
	}

	@AfterAll
	static void closeBrowser() {
		if (shared != null) {
			shared.close();
			shared = null;
		}
	}

	protected void signInAsAdmin() {
		browser.signIn(ADMIN, ADMIN_PASSWORD);
	}
}
