package io.gatehouse.oidc;

import java.util.Map;
import java.util.Set;

import io.gatehouse.users.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Every token Gatehouse signs: with the current key's id, and for a user, only while that user is active (a refresh
 * by a deactivated user fails here even before the revocation has reached it). The ID token carries the claims of
 * the granted scopes; the access token the roles and groups when granted, for resource servers that read no userinfo.
 * The access token's audience is the application's client id, as the authorization server sets it.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final SigningKeys keys;

	private final UserClaims claims;

	TokenClaims(SigningKeys keys, UserClaims claims) {
		this.keys = keys;
		this.claims = claims;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		context.getJwsHeader().keyId(keys.signingKid());
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			return;
		}
		User user = claims.activeUser(context.getPrincipal().getName())
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
					"The user cannot sign in any more.", null)));
		Set<String> scopes = context.getAuthorizedScopes();
		Map<String, Object> userClaims = claims.of(user, scopes);
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			userClaims.forEach((name, value) -> context.getClaims().claim(name, value));
		}
		else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			for (String name : new String[] { "roles", "groups" }) {
				if (userClaims.containsKey(name)) {
					context.getClaims().claim(name, userClaims.get(name));
				}
			}
		}
	}
}
