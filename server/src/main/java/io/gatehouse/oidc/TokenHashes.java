package io.gatehouse.oidc;

import io.gatehouse.shared.RandomSecrets;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/** The SHA-256 (hex) of each token an authorization holds, null where it holds none: how tokens are looked up. */
record TokenHashes(String code, String access, String refresh, String idToken) {

	/** The kinds of token looked up by hash, and the column each hash is kept in. */
	enum Kind {

		CODE("authorization_code_hash"), ACCESS("access_token_hash"), REFRESH("refresh_token_hash"),
		ID_TOKEN("oidc_id_token_hash");

		final String column;

		Kind(String column) {
			this.column = column;
		}

		/** The kind of a token type the authorization server asks for; null for state and the device grant's codes. */
		static Kind of(OAuth2TokenType type) {
			return switch (type.getValue()) {
				case OAuth2ParameterNames.CODE -> CODE;
				case OAuth2ParameterNames.ACCESS_TOKEN -> ACCESS;
				case OAuth2ParameterNames.REFRESH_TOKEN -> REFRESH;
				case OidcParameterNames.ID_TOKEN -> ID_TOKEN;
				default -> null;
			};
		}
	}

	static TokenHashes of(OAuth2Authorization authorization) {
		return new TokenHashes(hash(authorization.getToken(OAuth2AuthorizationCode.class)),
				hash(authorization.getToken(OAuth2AccessToken.class)),
				hash(authorization.getToken(OAuth2RefreshToken.class)), hash(authorization.getToken(OidcIdToken.class)));
	}

	private static String hash(OAuth2Authorization.Token<? extends OAuth2Token> token) {
		return token == null ? null : RandomSecrets.hash(token.getToken().getTokenValue());
	}
}
