package io.gatehouse.oidc;

import io.gatehouse.users.User;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

/** The userinfo answer: the claims of the access token's scopes, read now, for a user who is active now. */
@Component
class UserInfo {

	private final UserClaims claims;

	UserInfo(UserClaims claims) {
		this.claims = claims;
	}

	OidcUserInfo of(OidcUserInfoAuthenticationContext context) {
		User user = claims.activeUser(context.getAuthorization().getPrincipalName())
			.orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
		return new OidcUserInfo(claims.of(user, context.getAccessToken().getScopes()));
	}
}
