package io.gatehouse.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import io.gatehouse.users.User;
import io.gatehouse.users.UserSource;
import io.gatehouse.users.UserStatus;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The one session cookie both doors issue, read and clear, and what a session is restricted to. */
class SessionCookiesTests {

	private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

	private final SessionCookies cookies = new SessionCookies(new SessionSettings(null, null, null),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void readsTheSecretOfTheSessionCookieOnly() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		assertThat(cookies.secret(request)).isEmpty();
		request.setCookies(new Cookie("XSRF-TOKEN", "token"), new Cookie("GATEHOUSE_SESSION", "secret"));
		assertThat(cookies.secret(request)).contains("secret");
	}

	@Test
	void anEmptyCookiePresentsNoSession() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("GATEHOUSE_SESSION", ""));
		assertThat(cookies.secret(request)).isEmpty();
	}

	@Test
	void issuesAnHttpOnlyLaxCookieThatLivesAsLongAsItsSession() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		ResponseCookie cookie = cookies.issue(request, session(user(false), false));
		assertThat(cookie.getName()).isEqualTo("GATEHOUSE_SESSION");
		assertThat(cookie.getValue()).isEqualTo("secret");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofHours(12));
		assertThat(cookie.isSecure()).isFalse();
	}

	@Test
	void isSecureOverTls() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSecure(true);
		assertThat(cookies.issue(request, session(user(false), false)).isSecure()).isTrue();
		assertThat(cookies.clear(request).isSecure()).isTrue();
	}

	@Test
	void clearingSetsAnEmptyCookieThatExpiresAtOnce() {
		ResponseCookie cookie = cookies.clear(new MockHttpServletRequest());
		assertThat(cookie.getName()).isEqualTo("GATEHOUSE_SESSION");
		assertThat(cookie.getValue()).isEmpty();
		assertThat(cookie.getMaxAge()).isEqualTo(Duration.ZERO);
		assertThat(cookie.isHttpOnly()).isTrue();
	}

	@Test
	void thePasswordChangeComesBeforeTheEnrolment() {
		assertThat(session(user(true), true).restriction()).contains(SessionRestriction.PASSWORD_CHANGE_REQUIRED);
		assertThat(session(user(false), true).restriction()).contains(SessionRestriction.MFA_ENROLMENT_REQUIRED);
		assertThat(session(user(false), false).restriction()).isEmpty();
		assertThat(new Authenticated(user(true), null, UUID.randomUUID(), false).restriction())
			.contains(SessionRestriction.PASSWORD_CHANGE_REQUIRED);
	}

	private static StartedSession session(User user, boolean mfaEnrolmentRequired) {
		return new StartedSession(user, UUID.randomUUID(), "secret", NOW.plus(Duration.ofHours(12)),
				mfaEnrolmentRequired);
	}

	private static User user(boolean mustChangePassword) {
		return new User(UUID.randomUUID(), "ada", "ada@example.com", true, "Ada", "Lovelace", null, null, "UTC",
				UserStatus.ACTIVE, UserSource.INTERNAL, null, mustChangePassword, null, NOW, NOW, 1);
	}
}
