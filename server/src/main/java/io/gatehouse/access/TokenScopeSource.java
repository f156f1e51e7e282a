package io.gatehouse.access;

import java.util.UUID;

/** Where the access check learns what a personal access token is limited to; the tokens module answers. */
public interface TokenScopeSource {

	TokenScope scopeOf(UUID tokenId);
}
