package io.gatehouse.tokens;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.gatehouse.access.TokenScope;
import io.gatehouse.access.TokenScopeSource;
import org.springframework.stereotype.Component;

/**
 * Tells the access check what a token is limited to. A scope is fixed when the token is made, so it is cached by
 * token id with no expiry; a revoked token fails authentication before its scope is ever asked for.
 */
@Component
class TokenScopes implements TokenScopeSource {

	private static final int CACHE_LIMIT = 50_000;

	private final TokenStore store;

	private final Map<UUID, TokenScope> cache = new ConcurrentHashMap<>();

	TokenScopes(TokenStore store) {
		this.store = store;
	}

	@Override
	public TokenScope scopeOf(UUID tokenId) {
		TokenScope scope = cache.get(tokenId);
		if (scope != null) {
			return scope;
		}
		scope = store.scopeOf(tokenId).orElse(null);
		if (scope == null) {
			return TokenScope.nothing();
		}
		if (cache.size() >= CACHE_LIMIT) {
			cache.clear();
		}
		cache.put(tokenId, scope);
		return scope;
	}
}
