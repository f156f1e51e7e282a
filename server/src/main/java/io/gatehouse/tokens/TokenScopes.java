package io.gatehouse.tokens;

import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import io.gatehouse.access.TokenScope;
import io.gatehouse.access.TokenScopeSource;
import io.gatehouse.cache.ChangeArea;
import io.gatehouse.cache.SharedCaches;
import org.springframework.stereotype.Component;

/**
 * Tells the access check what a token is limited to. A scope is fixed when the token is made, so it is cached by
 * token id until a token is revoked; a revoked token fails authentication before its scope is ever asked for.
 */
@Component
class TokenScopes implements TokenScopeSource {

	private static final int CACHE_LIMIT = 50_000;

	private final TokenStore store;

	private final Cache<UUID, TokenScope> cache;

	TokenScopes(TokenStore store, SharedCaches caches) {
		this.store = store;
		this.cache = caches.cache("token-scopes", ChangeArea.TOKENS, CACHE_LIMIT);
	}

	@Override
	public TokenScope scopeOf(UUID tokenId) {
		// an unknown token is not cached: a token made a moment later may have that id
		TokenScope scope = cache.get(tokenId, id -> store.scopeOf(id).orElse(null));
		return scope != null ? scope : TokenScope.nothing();
	}
}
