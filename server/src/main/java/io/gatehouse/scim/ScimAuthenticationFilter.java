package io.gatehouse.scim;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.auth.Authenticated;
import io.gatehouse.auth.Authenticator;
import io.gatehouse.provisioning.ScimClient;
import io.gatehouse.provisioning.ScimClientManagement;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.web.ClientAddress;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts only a registered SCIM client's bearer token: a personal access token that is not one is refused here,
 * so SCIM is reached only with the narrow scope a client has. The actor carries the client's name, which is how its
 * changes read in the audit log.
 */
class ScimAuthenticationFilter extends OncePerRequestFilter {

	private final Authenticator authenticator;

	private final ScimClientManagement clients;

	ScimAuthenticationFilter(Authenticator authenticator, ScimClientManagement clients) {
		this.authenticator = authenticator;
		this.clients = clients;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			response.setHeader("WWW-Authenticate", "Bearer");
			ScimErrors.write(response, 401, null, "Send the SCIM client's token as 'Authorization: Bearer <token>'.");
			return;
		}
		String clientIp = ClientAddress.of(request);
		Optional<Authenticated> authenticated;
		try {
			authenticated = authenticator.byToken(authorization.substring(7).strip(), clientIp);
		}
		catch (DomainException ex) {
			ScimErrors.write(response, 403, null, ex.getMessage());
			return;
		}
		Optional<ScimClient> client = authenticated.flatMap(found -> clients.byToken(found.tokenId()));
		if (client.isEmpty()) {
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			ScimErrors.write(response, 401, null,
					"The token is unknown, expired or revoked, is not a SCIM client's, or its administrator cannot sign in.");
			return;
		}
		Authenticated who = authenticated.get();
		Actor actor = new Actor(who.user().id(), client.get().actorName(), clientIp, null, who.tokenId());
		SecurityContextHolder.setContext(new SecurityContextImpl(new ScimAuthentication(actor)));
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
