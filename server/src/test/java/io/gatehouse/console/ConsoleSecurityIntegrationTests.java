package io.gatehouse.console;

import java.util.List;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console door's security over plain HTTP: who is sent to the sign-in page, that form posts need the console's
 * CSRF token, that tokens are for the API only, and that the console keeps no HTTP session.
 */
class ConsoleSecurityIntegrationTests extends ApiIntegrationTest {

	@Test
	void theRootAndUnauthenticatedPagesLeadToTheSignInPage() {
		anonymous().get().uri("/").exchange().expectStatus().is3xxRedirection()
			.expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/console"));
		anonymous().get().uri("/console/users?q=ad").exchange().expectStatus().is3xxRedirection()
			.expectHeader().value(HttpHeaders.LOCATION,
					location -> assertThat(location).endsWith("/console/sign-in?next=%2Fconsole%2Fusers%3Fq%3Dad"));
		anonymous().get().uri("/console/sign-in").exchange().expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
	}

	@Test
	void theSignInPageLeadsOnlyBackIntoTheConsole() {
		assertThat(ConsoleRedirects.isSafeReturn("/console/users/1/activity?x=1")).isTrue();
		assertThat(ConsoleRedirects.isSafeReturn("//evil.example/console")).isFalse();
		assertThat(ConsoleRedirects.isSafeReturn("https://evil.example/console")).isFalse();
		assertThat(ConsoleRedirects.isSafeReturn("/console/users\r\nSet-Cookie:x")).isFalse();
		assertThat(ConsoleRedirects.isSafeReturn("/api/v1/users")).isFalse();
		String page = anonymous().get().uri("/console/sign-in?next=https://evil.example").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).doesNotContain("evil.example");
	}

	@Test
	void anHtmxRequestIsToldToNavigateInsteadOfFollowingARedirect() {
		anonymous().get().uri("/console/users?q=a").header("HX-Request", "true").exchange()
			.expectStatus().isNoContent()
			.expectHeader().valueEquals("HX-Redirect", "/console/sign-in");
	}

	@Test
	void aPersonalAccessTokenDoesNotOpenTheConsole() {
		withToken(adminToken()).get().uri("/console/users").exchange().expectStatus().is3xxRedirection();
	}

	@Test
	void aFormPostWithoutTheConsolesCsrfTokenIsRefused() {
		SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD);
		// the API's XSRF token is no key to the console
		EntityExchangeResult<String> refused = admin.client().post().uri("/console/sign-out")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("_csrf=" + admin.csrf)
			.exchange()
			.expectStatus().isForbidden()
			.expectBody(String.class).returnResult();
		assertThat(refused.getResponseBody()).contains("Form expired");
		// and the session still works: nothing was signed out
		admin.cookieOnly().get().uri("/console/users").exchange().expectStatus().isOk();
	}

	@Test
	void anUnknownConsolePageIsAConsolePage() {
		SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD);
		String page = admin.cookieOnly().get().uri("/console/no-such-page").exchange().expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("Not found", "There is no such page in the console.");
		anonymous().get().uri("/assets/console/console.css").exchange().expectStatus().isOk();
	}

	@Test
	void theConsoleKeepsNoHttpSession() {
		SignedIn admin = signIn(ADMIN, ADMIN_PASSWORD);
		List<String> cookies = admin.cookieOnly().get().uri("/console/users").exchange().expectStatus().isOk()
			.returnResult(String.class).getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
		assertThat(cookies).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
	}
}
