package io.gatehouse.resources;

import java.util.Optional;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.UserStatusSource;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reseller account: a user confined to one resource subtree, denied everything outside it whatever
 * their roles. Setting one takes {@code users:update} on the instance.
 */
@Service
@Transactional
public class Restrictions {

	private final AccessControl access;

	private final ResourceStore resources;

	private final UserStatusSource users;

	private final RestrictionStore restrictions;

	private final ApplicationEventPublisher events;

	Restrictions(AccessControl access, ResourceStore resources, UserStatusSource users, RestrictionStore restrictions,
			ApplicationEventPublisher events) {
		this.access = access;
		this.resources = resources;
		this.users = users;
		this.restrictions = restrictions;
		this.events = events;
	}

	public void restrict(Actor actor, UUID userId, UUID resourceId) {
		access.require(actor, Permissions.USERS_UPDATE);
		users.requireExisting(userId);
		access.requireAuthorityOver(actor, userId);
		if (resourceId == null || resources.find(resourceId).isEmpty()) {
			throw DomainException.invalidField("resourceId", "exists", "is not a known resource");
		}
		try {
			restrictions.set(userId, resourceId);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("restriction-changed",
					"The user's restriction was set by another request at the same moment; read it and retry.",
					"resourceId");
		}
		events.publishEvent(new RestrictionChanged(actor, userId, resourceId));
	}

	/** Lifting a restriction hands the user back everything their roles grant outside it: held to the same rule. */
	public void lift(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_UPDATE);
		users.requireExisting(userId);
		access.requireAuthorityOver(actor, userId);
		if (restrictions.remove(userId)) {
			events.publishEvent(new RestrictionChanged(actor, userId, null));
		}
	}

	@Transactional(readOnly = true)
	public Optional<UUID> of(Actor actor, UUID userId) {
		if (!actor.is(userId)) {
			access.require(actor, Permissions.USERS_READ);
			users.requireExisting(userId);
		}
		return restrictions.of(userId);
	}

	/** Removes the restriction of a user being deleted; whether there was one. */
	public boolean removeOfDeletedUser(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_DELETE);
		return restrictions.remove(userId);
	}
}
