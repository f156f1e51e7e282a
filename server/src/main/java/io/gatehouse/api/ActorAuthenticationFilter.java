package io.gatehouse.api;

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
import io.gatehouse.provisioning.ScimClientManagement;
import io.gatehouse.shared.DomainException;
import io.gatehouse.web.ClientAddress;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates each API request from its bearer token or its session cookie. Tokens and active users are cached
 * per node until they change: forgotten at once on the node that changed them and, through the change table's poll,
 * within a second on every other node, so a revoked token or a deactivated user is refused on the very next request
 * here, and within a second elsewhere.
 *
 * A user who must change their password may only read themselves, change the password and sign out; a session
 * that must first enrol a second factor may only read itself, enrol and sign out. A credential used from outside
 * its user's IP allowlist is refused (and a session ended).
 */
class ActorAuthenticationFilter extends OncePerRequestFilter {

	private final Authenticator authenticator;

	private final SessionCookies cookies;

	private final ProblemWriter problems;

	private final ScimClientManagement scimClients;

	ActorAuthenticationFilter(Authenticator authenticator, SessionCookies cookies, ProblemWriter problems,
			ScimClientManagement scimClients) {
		this.authenticator = authenticator;
		this.cookies = cookies;
		this.problems = problems;
		this.scimClients = scimClients;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader("Authorization");
		String clientIp = ClientAddress.of(request);
		Optional<Authenticated> authenticated;
		try {
			authenticated = authenticate(request, response, authorization, clientIp);
		}
		catch (DomainException ex) {
			problems.write(response, 403, ex.code(), "Address not allowed", ex.getMessage());
			return;
		}
		if (authenticated == null) {
			return;
		}
		if (authenticated.isPresent()) {
			Optional<SessionRestriction> restriction = authenticated.get().restriction();
			if (restriction.isPresent() && !allowedWhile(restriction.get(), request)) {
				refuse(restriction.get(), response);
				return;
			}
			SecurityContextHolder.setContext(
					new SecurityContextImpl(new ActorAuthentication(authenticated.get(), clientIp)));
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** The request's identity, empty when it presents none, or null when a refusal has been written. */
	private Optional<Authenticated> authenticate(HttpServletRequest request, HttpServletResponse response,
			String authorization, String clientIp) throws IOException {
		Optional<Authenticated> authenticated;
		if (authorization != null) {
			if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
				response.setHeader("WWW-Authenticate", "Bearer");
				problems.write(response, 401, "unauthenticated", "Unauthenticated",
						"Send a personal access token as 'Authorization: Bearer <token>'.");
				return null;
			}
			authenticated = authenticator.byToken(authorization.substring(7).strip(), clientIp);
			if (authenticated.isEmpty()) {
				response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
				problems.write(response, 401, "invalid-token", "Invalid token",
						"The token is unknown, expired or revoked, or its owner cannot sign in.");
				return null;
			}
			// a SCIM client's token is for /scim/v2 alone: here its users and groups scope could reach further than
			// SCIM goes (a group's roles and permission profile)
			if (scimClients.byToken(authenticated.get().tokenId()).isPresent()) {
				response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
				problems.write(response, 401, "scim-client-token", "SCIM client token",
						"This token belongs to a SCIM client and works only at /scim/v2.");
				return null;
			}
			return authenticated;
		}
		Optional<String> secret = cookies.secret(request);
		return secret.isEmpty() ? Optional.empty() : authenticator.bySession(secret.get(), clientIp);
	}

	private static boolean allowedWhile(SessionRestriction restriction, HttpServletRequest request) {
		return switch (restriction) {
			case PASSWORD_CHANGE_REQUIRED -> allowedBeforePasswordChange(request);
			case MFA_ENROLMENT_REQUIRED -> allowedBeforeEnrolment(request);
		};
	}

	private void refuse(SessionRestriction restriction, HttpServletResponse response) throws IOException {
		switch (restriction) {
			case PASSWORD_CHANGE_REQUIRED -> problems.write(response, 403, "password-change-required",
					"Password change required",
					"Change your password with POST /api/v1/me/password before doing anything else.");
			case MFA_ENROLMENT_REQUIRED -> problems.write(response, 403, "mfa-enrolment-required",
					"MFA enrolment required",
					"This instance requires a second factor: enrol one with POST /api/v1/me/mfa/totp and confirm "
							+ "it with POST /api/v1/me/mfa/totp/confirm before doing anything else.");
		}
	}

	private static boolean allowedBeforePasswordChange(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String method = request.getMethod();
		return (HttpMethod.GET.matches(method) && path.equals("/api/v1/me"))
				|| (HttpMethod.POST.matches(method) && path.equals("/api/v1/me/password"))
				|| (HttpMethod.DELETE.matches(method) && path.equals("/api/v1/session"))
				|| !path.startsWith("/api/");
	}

	private static boolean allowedBeforeEnrolment(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String method = request.getMethod();
		return allowedBeforePasswordChange(request)
				|| (HttpMethod.GET.matches(method) && path.equals("/api/v1/me/mfa"))
				|| (HttpMethod.POST.matches(method) && path.equals("/api/v1/me/mfa/totp"))
				|| (HttpMethod.POST.matches(method) && path.equals("/api/v1/me/mfa/totp/confirm"));
	}
}
