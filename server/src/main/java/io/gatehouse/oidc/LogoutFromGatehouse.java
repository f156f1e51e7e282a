package io.gatehouse.oidc;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.auth.Authenticator;
import io.gatehouse.auth.SessionCookies;
import io.gatehouse.auth.SignIn;
import io.gatehouse.shared.Actor;
import io.gatehouse.web.ClientAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * RP-initiated logout: the user's Gatehouse session ends (as the console's sign-out ends it), and so does the
 * application's authorization the ID token came from, its refresh token with it. The authorization server has
 * already checked the ID token and that it names the signed-in user.
 */
class LogoutFromGatehouse implements LogoutHandler {

	private final Authenticator authenticator;

	private final SessionCookies cookies;

	private final SignIn signIn;

	private final OAuth2AuthorizationService authorizations;

	private final ApplicationEventPublisher events;

	LogoutFromGatehouse(Authenticator authenticator, SessionCookies cookies, SignIn signIn,
			OAuth2AuthorizationService authorizations, ApplicationEventPublisher events) {
		this.authenticator = authenticator;
		this.cookies = cookies;
		this.signIn = signIn;
		this.authorizations = authorizations;
		this.events = events;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (!(authentication instanceof OidcLogoutAuthenticationToken logout)) {
			return;
		}
		String subject = logout.getIdToken().getSubject();
		SignedInUser.authenticated(authenticator, cookies, request)
			.filter(who -> who.user().id().toString().equals(subject))
			.ifPresent(who -> {
				signIn.signOut(who.actor(ClientAddress.of(request)));
				response.addHeader(HttpHeaders.SET_COOKIE, cookies.clear(request).toString());
			});
		OAuth2Authorization authorization = authorizations.findByToken(logout.getIdToken().getTokenValue(),
				new OAuth2TokenType(OidcParameterNames.ID_TOKEN));
		if (authorization != null) {
			authorizations.remove(authorization);
			events.publishEvent(new OidcTokensRevoked(
					new Actor(UUID.fromString(subject), null, ClientAddress.of(request), null, null),
					logout.getClientId(), "logout"));
		}
	}
}
