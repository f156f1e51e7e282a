package io.gatehouse.console;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.auth.Authenticated;
import io.gatehouse.auth.Authenticator;
import io.gatehouse.auth.SessionSettings;
import io.gatehouse.shared.DomainException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates each console request from its session cookie, against the database every time, like the API: an
 * ended session or a deactivated user is signed out on the very next click. Bearer tokens are for programs and are
 * not accepted here.
 *
 * A user who must change their password (a temporary one) sees only the password change page until they do; one who
 * must enrol a second factor the instance requires sees only the page that says how.
 */
class ConsoleAuthenticationFilter extends OncePerRequestFilter {

	static final String PASSWORD_CHANGE = "/console/password-change";

	static final String MFA_REQUIRED = "/console/mfa-required";

	private final Authenticator authenticator;

	private final SessionSettings sessions;

	ConsoleAuthenticationFilter(Authenticator authenticator, SessionSettings sessions) {
		this.authenticator = authenticator;
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// Load the deferred CSRF token now: its cookie must be set before a long page commits the response headers.
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
		String clientIp = request.getRemoteAddr();
		Optional<Authenticated> authenticated;
		try {
			authenticated = sessionSecret(request).flatMap(secret -> authenticator.bySession(secret, clientIp));
		}
		catch (DomainException ex) {
			// the session is used from outside the user's IP allowlist: here it opens nothing, as if absent
			authenticated = Optional.empty();
		}
		if (authenticated.isPresent()) {
			Authenticated who = authenticated.get();
			if (who.user().mustChangePassword() && !allowedBeforePasswordChange(request)) {
				ConsoleRedirects.send(request, response, PASSWORD_CHANGE);
				return;
			}
			if (who.mfaEnrolmentRequired() && !allowedBeforeEnrolment(request)) {
				ConsoleRedirects.send(request, response, MFA_REQUIRED);
				return;
			}
			ConsoleUser user = new ConsoleUser(who.actor(clientIp), who.user());
			SecurityContextHolder.setContext(new SecurityContextImpl(new ConsoleAuthentication(user)));
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private Optional<String> sessionSecret(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (sessions.cookieName().equals(cookie.getName())) {
				return Optional.of(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	private static boolean allowedBeforeEnrolment(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(MFA_REQUIRED) || allowedBeforePasswordChange(request);
	}

	private static boolean allowedBeforePasswordChange(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(PASSWORD_CHANGE) || path.equals("/console/sign-out")
				|| Arrays.asList(ConsoleSecurityConfiguration.PUBLIC).contains(path);
	}
}
