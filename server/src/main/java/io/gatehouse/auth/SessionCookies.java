package io.gatehouse.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The session cookie, the same for both doors so that one sign-in serves both. HttpOnly: no script needs the
 * secret. SameSite=Lax: a mailed link still opens a signed-in page, a cross-site form post goes without it. Secure
 * when the request came over TLS (as the client address filter decided behind a trusted proxy). It lives exactly
 * as long as its session.
 */
@Component
public class SessionCookies {

	private final SessionSettings settings;

	private final Clock clock;

	SessionCookies(SessionSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** The session secret the request presents; an empty cookie presents none. */
	public Optional<String> secret(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (settings.cookieName().equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
				return Optional.of(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	/** The Set-Cookie of a session just started; its max-age is what a companion cookie should live too. */
	public ResponseCookie issue(HttpServletRequest request, StartedSession session) {
		return cookie(request, session.secret(), Duration.between(clock.instant(), session.expiresAt()));
	}

	/** The Set-Cookie that makes the browser forget the session cookie. */
	public ResponseCookie clear(HttpServletRequest request) {
		return cookie(request, "", Duration.ZERO);
	}

	private ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
		return ResponseCookie.from(settings.cookieName(), value)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path("/")
			.maxAge(maxAge)
			.build();
	}
}
