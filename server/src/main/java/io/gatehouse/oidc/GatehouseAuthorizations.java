package io.gatehouse.oidc;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.RandomSecrets;
import io.gatehouse.web.ClientAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The authorization server's JDBC authorization service with what Gatehouse adds around it:
 * <ul>
 * <li>a token of a user who is no longer active is not found, so introspection answers {@code active: false} and
 * userinfo refuses it at once, without waiting for the token to expire;</li>
 * <li>a refresh token that was already exchanged, presented again, revokes the whole authorization (reuse
 * detection: one of the two holders is a thief, and the server cannot tell which);</li>
 * <li>every token issued, refreshed or revoked is written to the audit log in the same transaction;</li>
 * <li>tokens are found by their SHA-256 in indexed columns, not by their value (see {@link TokenHashes}).</li>
 * </ul>
 */
class GatehouseAuthorizations implements OAuth2AuthorizationService {

	private final AuthorizationRowStore delegate;

	private final AuthorizationStore store;

	private final UserClaims users;

	private final RegisteredClientRepository clients;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final AccessTokenCache accessTokens;

	GatehouseAuthorizations(AuthorizationRowStore delegate, AuthorizationStore store, UserClaims users,
			RegisteredClientRepository clients, ApplicationEventPublisher events, TransactionTemplate transactions,
			AccessTokenCache accessTokens) {
		this.accessTokens = accessTokens;
		this.delegate = delegate;
		this.store = store;
		this.users = users;
		this.clients = clients;
		this.events = events;
		this.transactions = transactions;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		transactions.executeWithoutResult(status -> {
			OAuth2Authorization before = issuedJustNow(authorization) ? null : delegate.findById(authorization.getId());
			if (before == null) {
				delegate.insert(authorization);
			}
			else {
				accessTokens.changing(accessTokenHashes(before, authorization));
				delegate.update(authorization);
			}
			audit(before, authorization);
		});
	}

	/**
	 * A client-credentials authorization is saved when its token is issued, under a new random id, and again only
	 * when its token is revoked (then invalidated): one whose token is valid is new, with nothing stored to read first.
	 */
	private static boolean issuedJustNow(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
		return AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())
				&& access != null && !access.isInvalidated() && authorization.getRefreshToken() == null;
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		transactions.executeWithoutResult(status -> {
			accessTokens.changing(accessTokenHashes(authorization));
			delegate.remove(authorization);
		});
	}

	private static List<String> accessTokenHashes(OAuth2Authorization... authorizations) {
		return Arrays.stream(authorizations).map(authorization -> TokenHashes.of(authorization).access())
			.filter(Objects::nonNull).distinct().toList();
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return delegate.findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		OAuth2Authorization found = lookUp(token, tokenType);
		if (found == null) {
			if (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
				revokeOnReuse(token);
			}
			return null;
		}
		if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(found.getAuthorizationGrantType())
				&& users.activeUser(found.getPrincipalName()).isEmpty()) {
			return null;
		}
		return found;
	}

	/**
	 * Finds the authorization by the hash of the token in an indexed column rather than by its value, as the JDBC
	 * service would (a full scan: the value columns are unbounded text), then checks that it holds that very token.
	 */
	private OAuth2Authorization lookUp(String token, OAuth2TokenType tokenType) {
		OAuth2Authorization found;
		if (tokenType == null) {
			// no hint (introspection and revocation may omit it): a JWT is an access token far more often than an ID
			// token, and one indexed query for it is much cheaper than asking every column at once
			String hash = RandomSecrets.hash(token);
			found = looksLikeJwt(token) ? accessTokens.find(hash, this::holdingAccessToken) : null;
			if (found == null) {
				found = delegate.holdingAny(token, hash);
			}
		}
		else if (OAuth2ParameterNames.STATE.equals(tokenType.getValue())) {
			found = delegate.withState(token);
		}
		else {
			TokenHashes.Kind kind = TokenHashes.Kind.of(tokenType);
			if (kind == null) {
				// the device grant's codes: Gatehouse offers no device grant, so none is ever stored
				return delegate.findByToken(token, tokenType);
			}
			String hash = RandomSecrets.hash(token);
			found = kind == TokenHashes.Kind.ACCESS ? accessTokens.find(hash, this::holdingAccessToken)
					: delegate.holding(kind, hash);
		}
		if (found == null) {
			return null;
		}
		boolean holds = tokenType != null && OAuth2ParameterNames.STATE.equals(tokenType.getValue())
				? token.equals(found.getAttribute(OAuth2ParameterNames.STATE))
				: found.getToken(token) != null
						|| (tokenType == null && token.equals(found.getAttribute(OAuth2ParameterNames.STATE)));
		return holds ? found : null;
	}

	private OAuth2Authorization holdingAccessToken(String hash) {
		return delegate.holding(TokenHashes.Kind.ACCESS, hash);
	}

	/** Three dot-separated parts, the first a JSON header in base64url ({@code eyJ} is {@code {"}). */
	private static boolean looksLikeJwt(String token) {
		int first = token.indexOf('.');
		return token.startsWith("eyJ") && first > 0 && token.indexOf('.', first + 1) > first;
	}

	private void revokeOnReuse(String token) {
		transactions.executeWithoutResult(status -> store.spentIn(RandomSecrets.hash(token)).ifPresent(id -> {
			OAuth2Authorization family = delegate.findById(id);
			if (family != null) {
				remove(family);
				events.publishEvent(new OidcTokensRevoked(actorOf(family), clientIdOf(family), "reuse-detected"));
			}
		}));
	}

	private void audit(OAuth2Authorization before, OAuth2Authorization after) {
		OAuth2RefreshToken oldRefresh = before == null || before.getRefreshToken() == null ? null
				: before.getRefreshToken().getToken();
		OAuth2RefreshToken newRefresh = after.getRefreshToken() == null ? null : after.getRefreshToken().getToken();
		boolean rotated = oldRefresh != null && newRefresh != null
				&& !oldRefresh.getTokenValue().equals(newRefresh.getTokenValue());
		if (rotated) {
			store.spend(RandomSecrets.hash(oldRefresh.getTokenValue()), after.getId(),
					Objects.requireNonNullElse(oldRefresh.getExpiresAt(), newRefresh.getIssuedAt()));
		}
		OAuth2Authorization.Token<OAuth2AccessToken> access = after.getAccessToken();
		boolean issued = access != null && (before == null || before.getAccessToken() == null
				|| !before.getAccessToken().getToken().getTokenValue().equals(access.getToken().getTokenValue()));
		if (issued) {
			String grant = rotated ? "refresh_token" : after.getAuthorizationGrantType().getValue();
			events.publishEvent(new OidcTokenIssued(actorOf(after), clientIdOf(after), grant,
					String.join(" ", access.getToken().getScopes()), newRefresh != null));
		}
		if (before != null && (newlyInvalid(before.getAccessToken(), after.getAccessToken())
				|| newlyInvalid(before.getRefreshToken(), after.getRefreshToken()))) {
			events.publishEvent(new OidcTokensRevoked(actorOf(after), clientIdOf(after),
					atRevocationEndpoint() ? "revoked" : "reuse-detected"));
		}
	}

	private static boolean newlyInvalid(OAuth2Authorization.Token<?> before, OAuth2Authorization.Token<?> after) {
		return before != null && after != null && before.getToken().getTokenValue().equals(after.getToken().getTokenValue())
				&& !before.isInvalidated() && after.isInvalidated();
	}

	/**
	 * Outside the revocation endpoint the server invalidates tokens only when the code they came from is presented a
	 * second time.
	 */
	private static boolean atRevocationEndpoint() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getRequest().getRequestURI().endsWith("/oauth2/revoke");
	}

	private String clientIdOf(OAuth2Authorization authorization) {
		RegisteredClient client = clients.findById(authorization.getRegisteredClientId());
		return client == null ? authorization.getRegisteredClientId() : client.getClientId();
	}

	/** The user the tokens speak for, or the application itself for client credentials. */
	private Actor actorOf(OAuth2Authorization authorization) {
		String ip = null;
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			ip = ClientAddress.of(request);
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
			return new Actor(null, clientIdOf(authorization), ip, null, null);
		}
		UUID userId;
		try {
			userId = UUID.fromString(authorization.getPrincipalName());
		}
		catch (IllegalArgumentException ex) {
			return new Actor(null, authorization.getPrincipalName(), ip, null, null);
		}
		return new Actor(userId, null, ip, null, null);
	}
}
