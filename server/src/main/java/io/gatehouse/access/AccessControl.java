package io.gatehouse.access;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The permission check every feature service calls on its first line, in domain words:
 * {@code access.require(actor, Permissions.USERS_CREATE)} (at the instance) or with the resource concerned.
 */
@Service
public class AccessControl {

	private final AccessPolicy policy;

	private final SystemAdministrators administrators;

	private final TokenScopeSource tokenScopes;

	private final ApplicationEventPublisher events;

	AccessControl(AccessPolicy policy, SystemAdministrators administrators, TokenScopeSource tokenScopes,
			ApplicationEventPublisher events) {
		this.policy = policy;
		this.administrators = administrators;
		this.tokenScopes = tokenScopes;
		this.events = events;
	}

	/** Throws a forbidden failure unless the actor holds the permission on the instance. */
	public void require(Actor actor, String permission) {
		require(actor, permission, Resources.INSTANCE);
	}

	/** Throws a forbidden failure unless the actor holds the permission on the resource. */
	public void require(Actor actor, String permission, UUID resource) {
		if (!allows(actor, permission, resource)) {
			throw DomainException.forbidden("forbidden", "You do not have the permission " + permission + ".");
		}
	}

	public boolean allows(Actor actor, String permission) {
		return allows(actor, permission, Resources.INSTANCE);
	}

	public boolean allows(Actor actor, String permission, UUID resource) {
		if (actor.isSystem()) {
			return true;
		}
		return actor.userId() != null && policy.allows(subjectOf(actor), Permission.parse(permission), resource);
	}

	/** The actor as the engine sees it: a request made with a personal access token carries that token's scope. */
	public Subject subjectOf(Actor actor) {
		if (actor.tokenId() == null) {
			return Subject.session(actor.userId());
		}
		return Subject.token(actor.userId(), tokenScopes.scopeOf(actor.tokenId()));
	}

	/**
	 * Refuses a request made with a scoped token: such a token may not mint credentials, or it could issue itself an
	 * unrestricted one.
	 */
	public void requireUnscopedCredential(Actor actor) {
		if (actor.tokenId() != null && !tokenScopes.scopeOf(actor.tokenId()).isUnrestricted()) {
			throw DomainException.forbidden("scoped-token",
					"A token limited by a scope cannot do this; sign in or use an unrestricted token.");
		}
	}

	/** Whether the resource exists, as the cached access graph knows it; the foreign keys have the last word. */
	boolean resourceExists(UUID resourceId) {
		return policy.resourceExists(resourceId);
	}

	public boolean isSystemAdministrator(UUID userId) {
		return administrators.contains(userId);
	}

	/** Only the system itself (the bootstrap) or another System Administrator may make one. */
	@Transactional
	public void grantSystemAdministrator(Actor actor, UUID userId) {
		if (!actor.isSystem() && !(actor.userId() != null && isSystemAdministrator(actor.userId()))) {
			throw DomainException.forbidden("forbidden", "Only a System Administrator can make another.");
		}
		administrators.add(userId);
		events.publishEvent(new SystemAdministratorGranted(actor, userId));
	}
}
