package io.gatehouse.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.cache.ChangeArea;
import io.gatehouse.cache.SharedCaches;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.RequiredText;
import io.gatehouse.tokens.IssuedToken;
import io.gatehouse.tokens.TokenManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering SCIM clients. A client is a personal access token of the registering administrator, limited to the
 * users and groups permissions: it can never do more than that administrator could, it stops when they are
 * deactivated, and it cannot grant roles or make System Administrators (a scoped token cannot, whatever its owner
 * holds). The SCIM door accepts only these tokens, and the API door refuses them.
 */
@Service
@Transactional
public class ScimClientManagement {

	/** What SCIM needs, and nothing more. */
	public static final List<String> SCOPE = List.of(Permissions.USERS_CREATE, Permissions.USERS_READ,
			Permissions.USERS_UPDATE, Permissions.USERS_DELETE, Permissions.GROUPS_CREATE, Permissions.GROUPS_READ,
			Permissions.GROUPS_UPDATE, Permissions.GROUPS_DELETE);

	/** The audit log keeps an actor's name in 64 characters: the name and " (SCIM client)" must fit. */
	static final int NAME_MAX = 48;

	private final AccessControl access;

	private final TokenManagement tokens;

	private final ScimClientStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Cache<UUID, Optional<ScimClient>> byToken;

	ScimClientManagement(AccessControl access, TokenManagement tokens, ScimClientStore store,
			ApplicationEventPublisher events, Clock clock, SharedCaches caches) {
		this.byToken = caches.cache("scim-client-tokens", ChangeArea.TOKENS, 100_000);
		this.access = access;
		this.tokens = tokens;
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Who may register clients: {@code settings:update} and all of {@link #SCOPE} on the instance (or the client
	 * would be refused on its first request). The one rule for registering, listing and revoking, in both doors.
	 */
	public boolean mayManage(Actor actor) {
		return access.allows(actor, Permissions.SETTINGS_UPDATE) && SCOPE.stream().allMatch(p -> access.allows(actor, p));
	}

	private void requireManager(Actor actor) {
		access.require(actor, Permissions.SETTINGS_UPDATE);
		for (String permission : SCOPE) {
			access.require(actor, permission);
		}
	}

	/** Registers a client acting with the administrator's rights narrowed to {@link #SCOPE}. */
	public RegisteredScimClient register(Actor actor, String name, Instant expiresAt, boolean neverExpires) {
		requireManager(actor);
		String cleanName = RequiredText.check("name", name, NAME_MAX);
		IssuedToken issued = tokens.create(actor, "SCIM client: " + cleanName, expiresAt, neverExpires, SCOPE, null);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		store.insert(id, cleanName, issued.token().id(), actor.userId(), now);
		ScimClient client = store.find(id).orElseThrow();
		events.publishEvent(new ScimClientChanged(actor, "scim-client.registered", client));
		return new RegisteredScimClient(client, issued.secret());
	}

	@Transactional(readOnly = true)
	public List<ScimClient> list(Actor actor) {
		requireManager(actor);
		return store.list();
	}

	/** Revokes the client's token, which removes the client with it. */
	public void revoke(Actor actor, UUID id) {
		requireManager(actor);
		ScimClient client = store.find(id)
			.orElseThrow(() -> DomainException.notFound("scim-client-not-found", "No SCIM client has this id."));
		if (actor.is(client.createdBy())) {
			tokens.revokeOwn(actor, client.tokenId());
		}
		else {
			tokens.revokeOf(actor, client.createdBy(), client.tokenId());
		}
		events.publishEvent(new ScimClientChanged(actor, "scim-client.revoked", client));
	}

	/**
	 * The client a token belongs to, if it is a SCIM client's: asked by the doors on every request with a token, so
	 * answered from a cache. A token is a client's from its creation (same transaction) until it is gone, when the
	 * token itself is refused: an entry never turns wrong in a way that lets a request through. Its last use, which
	 * does move, is only for the list.
	 */
	@Transactional(readOnly = true)
	public Optional<ScimClient> byToken(UUID tokenId) {
		return tokenId == null ? Optional.empty() : byToken.get(tokenId, store::byToken);
	}
}
