package io.gatehouse.api;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.auth.Authenticated;
import io.gatehouse.auth.Authenticator;
import io.gatehouse.auth.SessionSettings;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates each API request from its bearer token or its session cookie. Tokens and active users are read
 * from the database at most once a second per node, and forgotten at once on this node when they change, so a
 * revoked token or a deactivated user is refused on the very next request here, and within a second elsewhere.
 *
 * A user who must change their password may only read themselves, change the password and sign out.
 */
class ActorAuthenticationFilter extends OncePerRequestFilter {

	private final Authenticator authenticator;

	private final SessionSettings sessions;

	private final ProblemWriter problems;

	ActorAuthenticationFilter(Authenticator authenticator, SessionSettings sessions, ProblemWriter problems) {
		this.authenticator = authenticator;
		this.sessions = sessions;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader("Authorization");
		Optional<Authenticated> authenticated;
		if (authorization != null) {
			if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
				response.setHeader("WWW-Authenticate", "Bearer");
				problems.write(response, 401, "unauthenticated", "Unauthenticated",
						"Send a personal access token as 'Authorization: Bearer <token>'.");
				return;
			}
			authenticated = authenticator.byToken(authorization.substring(7).strip());
			if (authenticated.isEmpty()) {
				response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
				problems.write(response, 401, "invalid-token", "Invalid token",
						"The token is unknown, expired or revoked, or its owner cannot sign in.");
				return;
			}
		}
		else {
			authenticated = sessionSecret(request).flatMap(authenticator::bySession);
		}
		if (authenticated.isPresent()) {
			if (authenticated.get().user().mustChangePassword() && !allowedBeforePasswordChange(request)) {
				problems.write(response, 403, "password-change-required", "Password change required",
						"Change your password with POST /api/v1/me/password before doing anything else.");
				return;
			}
			SecurityContextHolder.setContext(
					new SecurityContextImpl(new ActorAuthentication(authenticated.get(), ClientAddress.of(request))));
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

	private static boolean allowedBeforePasswordChange(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String method = request.getMethod();
		return (HttpMethod.GET.matches(method) && path.equals("/api/v1/me"))
				|| (HttpMethod.POST.matches(method) && path.equals("/api/v1/me/password"))
				|| (HttpMethod.DELETE.matches(method) && path.equals("/api/v1/session"))
				|| !path.startsWith("/api/");
	}
}
