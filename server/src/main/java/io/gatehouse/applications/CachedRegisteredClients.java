package io.gatehouse.applications;

import com.github.benmanes.caffeine.cache.Cache;
import io.gatehouse.cache.ChangeArea;
import io.gatehouse.cache.SharedCaches;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The registered clients as the authorization server reads them on every token, introspection and authorization
 * (by client id to authenticate the client, by id for each authorization it maps), kept per node instead of read
 * and parsed from JSON each time. This node forgets them as soon as a change to an application commits; other nodes
 * within the change table's poll interval, the bound every cross-node change keeps. Only clients that exist are
 * kept, so an application created on another node is found at once. Changes to applications read the store itself
 * ({@link ApplicationManagement}), never this cache, so that a write never starts from a stale copy.
 */
class CachedRegisteredClients implements RegisteredClientRepository {

	private static final int MAX_CLIENTS = 10_000;

	private final RegisteredClientRepository store;

	private final SharedCaches caches;

	private final Cache<String, RegisteredClient> byId;

	private final Cache<String, RegisteredClient> byClientId;

	CachedRegisteredClients(RegisteredClientRepository store, SharedCaches caches) {
		this.store = store;
		this.caches = caches;
		this.byId = caches.cache("applications.by-id", ChangeArea.APPLICATIONS, MAX_CLIENTS);
		this.byClientId = caches.cache("applications.by-client-id", ChangeArea.APPLICATIONS, MAX_CLIENTS);
	}

	/** For the authorization server's own saves; Gatehouse's changes go through {@link ApplicationManagement}. */
	@Override
	public void save(RegisteredClient client) {
		store.save(client);
		caches.bump(ChangeArea.APPLICATIONS);
		byId.invalidate(client.getId());
		byClientId.invalidate(client.getClientId());
	}

	@Override
	public RegisteredClient findById(String id) {
		return byId.get(id, store::findById);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return byClientId.get(clientId, store::findByClientId);
	}

	/** In the transaction of the change: the other nodes drop their copies once it commits. */
	@EventListener
	void announce(ApplicationEvent change) {
		caches.bump(ChangeArea.APPLICATIONS);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void forget(ApplicationEvent change) {
		byId.invalidateAll();
		byClientId.invalidateAll();
	}
}
