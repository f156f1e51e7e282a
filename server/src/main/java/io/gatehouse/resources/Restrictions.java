package io.gatehouse.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.UserStatusSource;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reseller account: a user confined to one resource subtree, denied everything outside it whatever
 * their roles. Setting one takes {@code users:update} on the instance, authority over the user, and a resource the
 * actor can see.
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
		List<FieldViolation> violations = new ArrayList<>();
		checkTarget(actor, resourceId, "resourceId", violations);
		if (!violations.isEmpty()) {
			throw DomainException.invalid("validation-failed", "resourceId is not a known resource", violations);
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

	/**
	 * Adds a violation of {@code field} unless the resource exists and the actor may read it: a user is confined only
	 * to a part of the tree their administrator can see, and one the actor may not read is "not known" as one that does
	 * not exist, so as not to confirm it exists. For a user being created, before anything is written.
	 */
	public void checkTarget(Actor actor, UUID resourceId, String field, List<FieldViolation> violations) {
		if (resourceId == null || resources.find(resourceId).isEmpty()
				|| !access.allows(actor, Permissions.RESOURCES_READ, resourceId)) {
			violations.add(new FieldViolation(field, "exists", "is not a known resource"));
		}
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
