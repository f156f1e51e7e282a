package io.gatehouse.console;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.gatehouse.support.Totp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security pages in a real browser: a second factor enrolled on the profile and used to sign in, reset by an
 * administrator; sessions listed and ended; an IP allowlist edited on the user's tab; the audit log viewer and a
 * user's Audit tab showing those events.
 */
class ConsoleSecurityPagesBrowserIntegrationTests extends ConsoleBrowserTest {

	@Test
	void aUserEnrolsASecondFactorSignsInWithItAndAnAdministratorResetsIt() {
		Map<String, Object> user = createUser(unique("enrol"));
		String username = (String) user.get("username");
		browser.signIn(username, PASSWORD);
		browser.open("/console/profile");
		browser.find(By.linkText("Second factor, sessions and IP allowlist")).click();
		assertThat(browser.text(By.id("mfa-state"))).startsWith("No second factor");
		browser.find(By.xpath("//button[normalize-space()='Set up authenticator app']")).click();
		String secret = browser.byId("totp-secret").getText();
		assertThat(browser.byId("totp-qr").getAttribute("src")).startsWith("data:image/png;base64,");
		assertThat((Boolean) browser.script("return document.getElementById('totp-qr').naturalWidth > 0")).isTrue();
		browser.screenshot("profile-mfa-enrolment");

		browser.type("totp-code", wrongCode(secret));
		browser.byId("totp-code").submit();
		assertThat(browser.text(By.cssSelector("#totp-confirm-form .error"))).contains("not the current code");
		assertThat(browser.byId("totp-secret").getText()).isEqualTo(secret);
		browser.type("totp-code", Totp.code(secret, Instant.now()));
		browser.byId("totp-code").submit();
		List<String> codes = browser.byId("recovery-codes").getText().lines().toList();
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		assertThat(browser.find(By.xpath("//button[normalize-space()='Download as text']")).isDisplayed()).isTrue();
		browser.screenshot("profile-mfa-recovery-codes");

		browser.open("/console/profile/security");
		assertThat(browser.driver.findElements(By.id("recovery-codes"))).isEmpty();
		assertThat(browser.text(By.id("mfa-state"))).startsWith("Authenticator app enrolled").contains("10 recovery codes left");
		// new codes and removal both ask for a current code: a wrong one is named next to its form's field
		browser.type("regenerate-code", wrongCode(secret));
		browser.byId("regenerate-code").submit();
		assertThat(browser.text(By.cssSelector("#regenerate-form .error"))).contains("not the current code");
		assertThat(browser.driver.findElements(By.cssSelector("#remove-form .error"))).isEmpty();
		browser.type("remove-code", wrongCode(secret));
		browser.byId("remove-code").submit();
		assertThat(browser.text(By.cssSelector("#remove-form .error"))).contains("not the current code");
		assertThat(browser.driver.findElements(By.id("recovery-codes"))).isEmpty();

		browser.signOut();
		browser.signIn(username, PASSWORD);
		assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Second factor");
		browser.type("code", Totp.nextCode(secret));
		browser.byId("code").submit();
		browser.waitForPath("/console/profile");

		signInAsAdmin();
		browser.open("/console/users/" + user.get("id") + "/security");
		assertThat(browser.text(By.id("mfa-status"))).contains("Enrolled");
		browser.screenshot("user-security");
		browser.find(By.xpath("//button[normalize-space()='Reset MFA']")).click();
		browser.byId("confirm-reset-mfa").click();
		browser.waitForDone("mfa-reset");
		assertThat(browser.text(By.id("mfa-status"))).contains("Not enrolled");
		// the password alone signs in again
		signIn(username, PASSWORD);
	}

	@Test
	void anAdministratorSeesFailedSignInsAndUnlocks() {
		Map<String, Object> user = createUser(unique("lck"));
		for (int i = 0; i < 2; i++) {
			anonymousFrom(uniqueAddress()).post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("login", user.get("username"), "password", "Wrong-Password-1")).exchange()
				.expectStatus().isUnauthorized();
		}
		signInAsAdmin();
		browser.open("/console/users/" + user.get("id"));
		browser.find(By.linkText("Security")).click();
		assertThat(browser.text(By.id("lock-status"))).contains("Not locked").contains("Failed attempts\n2");
		browser.find(By.xpath("//button[normalize-space()='Unlock']")).click();
		browser.waitForDone("unlocked");
		assertThat(browser.text(By.id("lock-status"))).contains("Failed attempts\n0");
		assertThat(browser.driver.findElements(By.xpath("//button[normalize-space()='Unlock']"))).isEmpty();
	}

	@Test
	void sessionsAreListedAndEndingOneSignsItOut() {
		Map<String, Object> user = createUser(unique("sess"));
		String username = (String) user.get("username");
		SignedIn phone = signIn(username, PASSWORD, "198.51.100.23", "Phone-Browser/1.0");
		String phoneSession = currentSessionId(phone);
		browser.signIn(username, PASSWORD);
		browser.open("/console/profile/security");
		String sessions = browser.text(By.id("sessions"));
		assertThat(sessions).contains("198.51.100.23").contains("Phone-Browser/1.0").contains("This session");
		browser.screenshot("profile-sessions");
		browser.find(By.cssSelector("form[action$='/sessions/" + phoneSession + "/end'] button")).click();
		browser.acceptConfirmation();
		browser.waitForDone("session-ended");
		assertThat(browser.text(By.id("sessions"))).doesNotContain("Phone-Browser/1.0").contains("This session");
		phone.client().get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();

		// an administrator sees the browser's session on the user's tab and ends them all: the browser is signed out
		signInAsAdmin();
		browser.open("/console/users/" + user.get("id"));
		browser.find(By.linkText("Sessions")).click();
		assertThat(browser.text(By.id("sessions"))).contains("HeadlessChrome").doesNotContain("This session");
		browser.screenshot("user-sessions");
		browser.find(By.xpath("//button[normalize-space()='End all sessions']")).click();
		browser.acceptConfirmation();
		browser.waitForDone("sessions-ended");
		assertThat(browser.text(By.id("sessions"))).contains("No session.");
		admin().get().uri("/api/v1/users/{id}/sessions", user.get("id")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
	}

	@Test
	void aBrowserWhoseSessionAnAdministratorEndsIsSignedOut() {
		Map<String, Object> user = createUser(unique("out"));
		browser.signIn((String) user.get("username"), PASSWORD);
		browser.waitForPath("/console/profile");
		admin().delete().uri("/api/v1/users/{id}/sessions", user.get("id")).exchange().expectStatus().isOk();
		browser.open("/console/profile/security");
		browser.waitForPath("/console/sign-in");
	}

	@Test
	void anIpAllowlistEditedOnTheUserTabNamesInvalidRulesAndKeepsOutsideAddressesOut() {
		Map<String, Object> user = createUser(unique("ipl"));
		String username = (String) user.get("username");
		signInAsAdmin();
		browser.open("/console/users/" + user.get("id"));
		browser.find(By.linkText("IP allowlist")).click();
		assertThat(browser.text(By.id("my-address"))).matches("Your own address right now: \\S+");
		browser.type("rules", "203.0.113.0/24\n\n1.1.1.300\n2001:db8::/129");
		browser.byId("rules").submit();
		String errors = browser.text(By.id("rule-errors"));
		assertThat(errors).contains("Line 3: '1.1.1.300' is not").contains("Line 4: '2001:db8::/129' is not")
			.doesNotContain("Line 1").doesNotContain("Line 2");
		assertThat(browser.byId("rules").getAttribute("value")).contains("1.1.1.300");
		browser.screenshot("user-ip-allowlist");
		admin().get().uri("/api/v1/users/{id}/ip-allowlist", user.get("id")).exchange()
			.expectBody().jsonPath("$.rules.length()").isEqualTo(0);

		browser.type("rules", "203.0.113.0/24\n198.51.100.0/24");
		browser.byId("rules").submit();
		browser.waitForDone("allowlist-saved");
		assertThat(browser.byId("rules").getAttribute("value")).isEqualTo("203.0.113.0/24\n198.51.100.0/24");

		SignedIn inside = signIn(username, PASSWORD, "203.0.113.9");
		inside.client().get().uri("/api/v1/me/ip-allowlist").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.rules[0]").isEqualTo("203.0.113.0/24");
		anonymousFrom("192.0.2.44").post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", username, "password", PASSWORD)).exchange().expectStatus().isUnauthorized();
		// the browser itself is outside: its sign-in is refused like a wrong password
		browser.signIn(username, PASSWORD);
		assertThat(browser.path()).startsWith("/console/sign-in");
		assertThat(browser.find(By.cssSelector(".alert.error")).isDisplayed()).isTrue();
	}

	@Test
	void theAuditLogFiltersByActionAndShowsTheSecurityFlows() {
		Map<String, Object> user = createUser(unique("aud"));
		Object id = user.get("id");
		SignedIn session = signIn((String) user.get("username"), PASSWORD);
		String secret = (String) session.client().post().uri("/api/v1/me/mfa/totp").exchange().expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("secret");
		session.client().post().uri("/api/v1/me/mfa/totp/confirm").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("code", Totp.code(secret, Instant.now()))).exchange().expectStatus().isOk();
		admin().delete().uri("/api/v1/users/{id}/mfa", id).exchange().expectStatus().isNoContent();
		admin().put().uri("/api/v1/users/{id}/ip-allowlist", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("rules", List.of("198.51.100.0/24"))).exchange().expectStatus().isOk();

		signInAsAdmin();
		browser.find(By.linkText("Audit log")).click();
		browser.type("action", "mfa.*");
		browser.type("targetId", id.toString());
		browser.byId("targetId").submit();
		browser.waitFor(d -> browser.path().contains("action=mfa."));
		List<String> actions = actions();
		assertThat(actions).containsExactly("mfa.reset", "mfa.enrolled");
		String table = browser.text(By.id("audit-events"));
		assertThat(table).contains(ADMIN).contains((String) user.get("username"));
		browser.screenshot("audit-log");

		browser.type("action", "user.ip-allowlist.changed");
		browser.byId("action").submit();
		browser.waitFor(d -> browser.path().contains("action=user.ip-allowlist.changed"));
		assertThat(actions()).containsExactly("user.ip-allowlist.changed");
		assertThat(browser.text(By.cssSelector("#audit-events dl.details"))).contains("rules").contains("198.51.100.0/24");
		WebElement time = browser.find(By.cssSelector("#audit-events time"));
		assertThat(time.getText()).isEqualTo(new ConsoleTimes().format(Instant.parse(time.getAttribute("datetime")), ZoneId.of("UTC")));

		browser.type("action", "not an action");
		browser.byId("action").submit();
		assertThat(browser.text(By.xpath("//*[@id='action']/following-sibling::*[contains(@class,'error')]")))
			.contains("Must be an action like user.created");
		assertThat(browser.text(By.id("audit-events"))).contains("No event matches.");
	}

	@Test
	void theUsersAuditTabShowsWhatTheyDidAndWhatWasDoneToThem() {
		Map<String, Object> user = createUser(unique("tab"));
		Object id = user.get("id");
		signIn((String) user.get("username"), PASSWORD).createToken("laptop");
		admin().post().uri("/api/v1/users/{id}/deactivate", id).exchange().expectStatus().isOk();
		admin().post().uri("/api/v1/users/{id}/reactivate", id).exchange().expectStatus().isOk();

		signInAsAdmin();
		browser.open("/console/users/" + id);
		browser.find(By.linkText("Audit")).click();
		assertThat(actions()).startsWith("user.reactivated", "user.deactivated")
			.contains("token.created", "auth.sign-in", "user.created");
		browser.screenshot("user-audit");
	}

	@Test
	void theAuditLogAndTheUsersTabPageOlderEventsKeepingTheFilters() {
		Map<String, Object> user = createUser(unique("many"));
		Object id = user.get("id");
		for (int i = 0; i < 25; i++) {
			admin().post().uri("/api/v1/users/{id}/deactivate", id).exchange().expectStatus().isOk();
			admin().post().uri("/api/v1/users/{id}/reactivate", id).exchange().expectStatus().isOk();
		}
		signInAsAdmin();
		browser.open("/console/audit?targetId=" + id);
		assertThat(actions()).hasSize(50).startsWith("user.reactivated", "user.deactivated").doesNotContain("user.created");
		assertThat(browser.driver.findElements(By.linkText("← Newest"))).isEmpty();
		browser.find(By.linkText("Older →")).click();
		browser.waitFor(d -> browser.path().contains("cursor="));
		assertThat(browser.path()).contains("targetId=" + id);
		assertThat(actions()).containsExactly("user.created");
		assertThat(browser.driver.findElements(By.linkText("Older →"))).isEmpty();
		browser.find(By.linkText("← Newest")).click();
		browser.waitFor(d -> !browser.path().contains("cursor="));
		assertThat(actions()).hasSize(50);

		browser.open("/console/users/" + id + "/audit");
		assertThat(actions()).hasSize(50);
		browser.find(By.linkText("Older →")).click();
		browser.waitFor(d -> browser.path().contains("cursor="));
		assertThat(actions()).containsExactly("user.created");
	}

	@Test
	void anAuditorSeesTimesInTheirOwnZone() {
		String name = unique("tz");
		Map<String, Object> auditor = createUser(Map.of("username", name, "email", name + "@example.com", "password",
				PASSWORD, "timeZone", "Asia/Tokyo", "bindings", List.of(Map.of("roleId", "00000000-0000-0000-0000-0000000000a2"))));
		browser.signIn(name, PASSWORD);
		browser.find(By.linkText("Audit log")).click();
		assertThat(browser.text(By.cssSelector("main .hint"))).contains("Asia/Tokyo");
		browser.type("targetId", auditor.get("id").toString());
		browser.type("action", "user.created");
		browser.byId("action").submit();
		browser.waitFor(d -> browser.path().contains("action=user.created"));
		assertThat(actions()).containsExactly("user.created");
		WebElement time = browser.find(By.cssSelector("#audit-events time"));
		Instant at = Instant.parse(time.getAttribute("datetime"));
		assertThat(time.getText()).isEqualTo(new ConsoleTimes().format(at, ZoneId.of("Asia/Tokyo")))
			.isNotEqualTo(new ConsoleTimes().format(at, ZoneId.of("UTC")));
	}

	@Test
	void aUserReadsTheirOwnIpAllowlistOnTheProfile() {
		Map<String, Object> user = createUser(unique("own"));
		admin().put().uri("/api/v1/users/{id}/ip-allowlist", user.get("id")).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("rules", List.of("127.0.0.1", "::1", "203.0.113.0/24"))).exchange().expectStatus().isOk();
		browser.signIn((String) user.get("username"), PASSWORD);
		browser.open("/console/profile/security");
		assertThat(browser.text(By.id("my-allowlist"))).contains("203.0.113.0/24").contains("127.0.0.1");
		assertThat(browser.driver.findElements(By.cssSelector("#my-allowlist textarea, #my-allowlist form"))).isEmpty();
	}

	@Test
	void someoneWithoutAuditReadSeesNeitherTheMenuEntryNorTheLog() {
		Map<String, Object> user = createUser(unique("noaud"));
		browser.signIn((String) user.get("username"), PASSWORD);
		browser.waitForPath("/console/profile");
		assertThat(browser.driver.findElements(By.linkText("Audit log"))).isEmpty();
		browser.open("/console/audit");
		assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Not allowed");
		assertThat(browser.driver.findElements(By.id("audit-events"))).isEmpty();
		// the refusal is a real 403, which the browser reports; nothing else may be in its console
		assertThat(browser.consoleErrors()).singleElement().asString().contains("/console/audit", "403");
	}

	private List<String> actions() {
		return browser.driver.findElements(By.cssSelector("#audit-events tbody td:nth-child(3) code"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private String currentSessionId(SignedIn signedIn) {
		List<Map<String, Object>> sessions = signedIn.client().get().uri("/api/v1/me/sessions").exchange()
			.expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
		return sessions.stream().filter(s -> Boolean.TRUE.equals(s.get("current"))).map(s -> (String) s.get("id"))
			.findFirst().orElseThrow();
	}

	private static String wrongCode(String secret) {
		String now = Totp.code(secret, Instant.now());
		String next = Totp.nextCode(secret);
		String previous = Totp.codeForStep(secret, Instant.now().getEpochSecond() / 30 - 1);
		for (String candidate : List.of("000000", "111111", "222222", "333333")) {
			if (!candidate.equals(now) && !candidate.equals(next) && !candidate.equals(previous)) {
				return candidate;
			}
		}
		throw new IllegalStateException();
	}

	private static final org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>> LIST =
			new org.springframework.core.ParameterizedTypeReference<>() {
			};
}
