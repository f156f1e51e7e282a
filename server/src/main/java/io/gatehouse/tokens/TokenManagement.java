package io.gatehouse.tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.resources.ResourceManagement;
import io.gatehouse.roles.PermissionCatalog;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.RequiredText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own tokens (create, list, revoke, reset) and an administrator's view of anyone's. */
@Service
@Transactional
public class TokenManagement {

	static final int NAME_MAX = 100;

	private final AccessControl access;

	private final PermissionCatalog catalog;

	private final ResourceManagement resources;

	private final TokenStore store;

	private final TokenSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TokenManagement(AccessControl access, PermissionCatalog catalog, ResourceManagement resources, TokenStore store,
			TokenSettings settings, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.catalog = catalog;
		this.resources = resources;
		this.store = store;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** Issues an unrestricted token to the acting user. */
	public IssuedToken create(Actor actor, String name, Instant expiresAt, boolean neverExpires) {
		return create(actor, name, expiresAt, neverExpires, List.of(), null);
	}

	/**
	 * Issues a token to the acting user.
	 *
	 * @param expiresAt {@code null} for the default lifetime
	 * @param neverExpires a token without expiry, only where the settings allow it
	 * @param permissions patterns the token is limited to; empty for whatever the user may do
	 * @param resource the subtree the token is limited to, which the user must be able to see; null for anywhere
	 */
	public IssuedToken create(Actor actor, String name, Instant expiresAt, boolean neverExpires,
			List<String> permissions, UUID resource) {
		access.requireUnscopedCredential(actor);
		String cleanName = RequiredText.check("name", name, NAME_MAX);
		List<String> patterns = catalog.patterns("permissions", permissions, "The token names unknown permissions.")
			.stream()
			.map(Object::toString)
			.toList();
		if (resource != null) {
			resources.get(actor, resource);
		}
		Instant now = clock.instant();
		Instant expiry = expiry(now, expiresAt, neverExpires);
		String secret = TokenFormat.generate();
		PersonalAccessToken token = new PersonalAccessToken(UUID.randomUUID(), actor.userId(), cleanName,
				secret.substring(0, TokenFormat.DISPLAY_LENGTH), now, expiry, null, patterns, resource);
		store.insert(token, TokenFormat.hash(secret));
		events.publishEvent(new TokenCreated(actor, token));
		return new IssuedToken(token, secret);
	}

	@Transactional(readOnly = true)
	public List<PersonalAccessToken> listOwn(Actor actor) {
		return store.listOf(actor.userId());
	}

	/** A scoped token may revoke itself, not its owner's other credentials. */
	public void revokeOwn(Actor actor, UUID tokenId) {
		if (!tokenId.equals(actor.tokenId())) {
			access.requireUnscopedCredential(actor);
		}
		revoke(actor, actor.userId(), tokenId);
	}

	/** "Reset API token": every token of the user is revoked and one new token is issued. */
	public IssuedToken reset(Actor actor) {
		access.requireUnscopedCredential(actor);
		for (PersonalAccessToken token : store.listOf(actor.userId())) {
			store.delete(token.id());
			events.publishEvent(new TokenRevoked(actor, token));
		}
		return create(actor, "API token", null, false);
	}

	@Transactional(readOnly = true)
	public List<PersonalAccessToken> listOf(Actor actor, UUID userId) {
		access.require(actor, Permissions.TOKENS_READ);
		return store.listOf(userId);
	}

	public void revokeOf(Actor actor, UUID userId, UUID tokenId) {
		access.require(actor, Permissions.TOKENS_DELETE);
		access.requireAuthorityOver(actor, userId);
		revoke(actor, userId, tokenId);
	}

	private void revoke(Actor actor, UUID userId, UUID tokenId) {
		PersonalAccessToken token = store.find(userId, tokenId)
			.orElseThrow(() -> DomainException.notFound("token-not-found", "No token has this id."));
		store.delete(token.id());
		events.publishEvent(new TokenRevoked(actor, token));
	}

	private Instant expiry(Instant now, Instant requested, boolean neverExpires) {
		if (neverExpires) {
			if (requested != null) {
				throw DomainException.invalidField("expiresAt", "exclusive", "cannot be set on a token that never expires");
			}
			if (!settings.allowNoExpiry()) {
				throw DomainException.invalidField("neverExpires", "not-allowed",
						"tokens without expiry are not allowed on this instance");
			}
			return null;
		}
		if (requested == null) {
			return now.plus(settings.defaultLifetime());
		}
		if (!requested.isAfter(now)) {
			throw DomainException.invalidField("expiresAt", "future", "must be in the future");
		}
		if (requested.isAfter(now.plus(settings.maxLifetime()))) {
			throw DomainException.invalidField("expiresAt", "max-lifetime",
					"must be at most " + settings.maxLifetime().toDays() + " days from now");
		}
		return requested;
	}
}
