package io.gatehouse.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The markup of a refused form's fields, over plain HTTP: every form draws its fields with one fragment, so these
 * hold on every page (the browser tests read the same ids and messages).
 */
class ConsoleFormFieldsIntegrationTests extends ApiIntegrationTest {

	@Test
	void aRefusedFieldIsMarkedDescribedByItsErrorAndKeepsWhatWasTyped() {
		SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD);
		String page = admin.cookieOnly().get().uri("/console/audit?from=yesterday&action=user.*").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(tag(page, "input", "from")).contains("name=\"from\"", "type=\"datetime-local\"", "value=\"yesterday\"",
				"aria-invalid=\"true\"", "aria-describedby=\"from-error\"");
		assertThat(page).contains("<label for=\"from\">From</label>")
			.contains("<span class=\"error\" id=\"from-error\">Must be a date and time like 2026-11-22T10:00.</span>");
		// a field that was not refused: its hint describes it, it is not invalid, and it shows no error
		assertThat(tag(page, "input", "action")).contains("value=\"user.*\"", "aria-invalid=\"false\"",
				"aria-describedby=\"action-hint\"");
		assertThat(page).contains("id=\"action-hint\"").doesNotContain("id=\"action-error\"");
	}

	@Test
	void aSelectKeepsItsOptionsAndChoice() {
		SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD);
		String page = admin.cookieOnly().get().uri("/console/audit?outcome=failure").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(tag(page, "select", "outcome")).contains("name=\"outcome\"", "aria-invalid=\"false\"")
			.doesNotContain("aria-describedby");
		assertThat(page).contains("<option value=\"failure\" selected=\"selected\">Failure</option>");
		String profile = admin.cookieOnly().get().uri("/console/profile").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(tag(profile, "select", "timeZone")).contains("aria-describedby=\"timeZone-hint\"");
		assertThat(profile).contains("<option value=\"\">Not set (UTC)</option>",
				"<option value=\"Europe/Paris\">Europe/Paris</option>");
	}

	private static String tag(String page, String element, String id) {
		Matcher matcher = Pattern.compile("<" + element + " id=\"" + id + "\"[^>]*>").matcher(page);
		assertThat(matcher.find()).as("<%s id=%s> in the page", element, id).isTrue();
		return matcher.group();
	}
}
