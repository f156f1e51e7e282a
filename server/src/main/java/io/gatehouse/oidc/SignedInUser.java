package io.gatehouse.oidc;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.auth.Authenticated;
import io.gatehouse.auth.Authenticator;
import io.gatehouse.auth.SessionCookies;
import io.gatehouse.shared.DomainException;
import io.gatehouse.web.ClientAddress;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who is signed in at the authorization and logout endpoints: the user of the Gatehouse session cookie, checked
 * against the database as on every console page (an ended session, a deactivated user, an address outside the
 * allowlist open nothing). A session still restricted (a temporary password to change, a second factor to enrol)
 * does not count: the console's sign-in page sends its user on to lift it.
 *
 * The principal is a plain authenticated token named by the user's id: the authorization server stores it with the
 * authorization as JSON, and its JSON mapper reads back only types it knows.
 */
class SignedInUser extends OncePerRequestFilter {

	static final Set<String> PATHS = Set.of("/oauth2/authorize", "/connect/logout");

	private final Authenticator authenticator;

	private final SessionCookies cookies;

	private final Clock clock;

	SignedInUser(Authenticator authenticator, SessionCookies cookies, Clock clock) {
		this.authenticator = authenticator;
		this.cookies = cookies;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !PATHS.contains(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Authenticated> who = authenticated(authenticator, cookies, request);
		if (who.isPresent() && who.get().restriction().isEmpty()) {
			// the ID token's auth_time is when the user last signed in, which is when this session began or later
			Instant signedInAt = who.get().user().lastLoginAt() != null ? who.get().user().lastLoginAt() : clock.instant();
			var token = UsernamePasswordAuthenticationToken.authenticated(who.get().user().id().toString(), null,
					List.of(new SimpleGrantedAuthority("ROLE_USER"),
							FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
								.issuedAt(signedInAt)
								.build()));
			SecurityContextHolder.setContext(new SecurityContextImpl(token));
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static Optional<Authenticated> authenticated(Authenticator authenticator, SessionCookies cookies,
			HttpServletRequest request) {
		try {
			return cookies.secret(request).flatMap(secret -> authenticator.bySession(secret, ClientAddress.of(request)));
		}
		catch (DomainException ex) {
			// used from outside the user's IP allowlist: the session has just been ended, and opens nothing here
			return Optional.empty();
		}
	}
}
