package io.gatehouse.console;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.auth.Authenticated;
import io.gatehouse.auth.Authenticator;
import io.gatehouse.auth.SessionCookies;
import io.gatehouse.auth.SessionRestriction;
import io.gatehouse.shared.DomainException;
import io.gatehouse.web.ClientAddress;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates each console request from its session cookie, against the database every time, like the API: an
 * ended session or a deactivated user is signed out on the very next click. Bearer tokens are for programs and are
 * not accepted here.
 *
 * A restricted session (a temporary password to change, a second factor to enrol) is sent to the page that lifts
 * the restriction ({@link ConsoleRestrictions}).
 */
class ConsoleAuthenticationFilter extends OncePerRequestFilter {

	private final Authenticator authenticator;

	private final SessionCookies cookies;

	ConsoleAuthenticationFilter(Authenticator authenticator, SessionCookies cookies) {
		this.authenticator = authenticator;
		this.cookies = cookies;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// Load the deferred CSRF token now: its cookie must be set before a long page commits the response headers.
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
		String clientIp = ClientAddress.of(request);
		Optional<Authenticated> authenticated;
		try {
			authenticated = cookies.secret(request).flatMap(secret -> authenticator.bySession(secret, clientIp));
		}
		catch (DomainException ex) {
			// the session is used from outside the user's IP allowlist: here it opens nothing, as if absent
			authenticated = Optional.empty();
		}
		if (authenticated.isPresent()) {
			Authenticated who = authenticated.get();
			Optional<SessionRestriction> restriction = who.restriction();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (restriction.isPresent() && !ConsoleRestrictions.allows(restriction.get(), path)) {
				ConsoleRedirects.send(request, response, ConsoleRestrictions.redirect(restriction.get()));
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
}
