package io.gatehouse.oidc;

import java.util.Collection;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import io.gatehouse.applications.ApplicationDeleted;
import io.gatehouse.cache.ChangeArea;
import io.gatehouse.cache.SharedCaches;
import io.gatehouse.shared.AfterCommit;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Authorizations found by the hash of one of their access tokens, kept per node: a resource server introspects the
 * same token again and again, and reading it means a query and parsing its JSON columns. Whether the token is still
 * active (expiry, revocation marks) is decided on each request from what is kept, and whether its user may still act
 * by the user cache, so only changes to the stored authorization need telling: a write that revokes or replaces
 * tokens calls {@link #changing} or {@link #changingAll} in its transaction. This node drops what it kept when that
 * transaction commits, every other node within the change table's poll interval (the bound every cross-node change
 * keeps); the same when an application is deleted with its authorizations. Only authorizations found are kept, so a
 * token issued on another node is found at once.
 */
@Component
class AccessTokenCache {

	private static final int MAX_AUTHORIZATIONS = 5_000;

	private final SharedCaches caches;

	private final Cache<String, OAuth2Authorization> byHash;

	AccessTokenCache(SharedCaches caches) {
		this.caches = caches;
		this.byHash = caches.cache("oidc.access-tokens", ChangeArea.AUTHORIZATIONS, MAX_AUTHORIZATIONS);
		caches.onChange(ChangeArea.APPLICATIONS, byHash::invalidateAll);
	}

	/** The authorization holding the access token of this hash, from here or from {@code load}. */
	OAuth2Authorization find(String tokenHash, Function<String, OAuth2Authorization> load) {
		return byHash.get(tokenHash, load);
	}

	/** Called in the transaction that changes or removes the authorizations holding these access-token hashes. */
	void changing(Collection<String> tokenHashes) {
		caches.bump(ChangeArea.AUTHORIZATIONS);
		// by key: a load of one of them in flight finishes before it is removed
		AfterCommit.run(() -> byHash.invalidateAll(tokenHashes));
	}

	/** Called in the transaction that removes authorizations whose tokens are not known here (all of a user's). */
	void changingAll() {
		caches.bump(ChangeArea.AUTHORIZATIONS);
		AfterCommit.run(byHash::invalidateAll);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void forget(ApplicationDeleted deleted) {
		byHash.invalidateAll();
	}
}
