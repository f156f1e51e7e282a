package io.gatehouse.groups;

import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.resources.BindingManagement;
import io.gatehouse.resources.Restrictions;
import io.gatehouse.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a user out of the access model when the account is deleted: the user's own role bindings, group
 * memberships and restriction scope. Resources the user owns are not touched: deleting an owner is refused until
 * ownership is transferred (see {@link io.gatehouse.resources.ResourceManagement#ownedBy}).
 */
@Service
@Transactional
public class PrincipalRemoval {

	private final AccessControl access;

	private final BindingManagement bindings;

	private final GroupStore groups;

	private final Restrictions restrictions;

	private final ApplicationEventPublisher events;

	PrincipalRemoval(AccessControl access, BindingManagement bindings, GroupStore groups, Restrictions restrictions,
			ApplicationEventPublisher events) {
		this.access = access;
		this.bindings = bindings;
		this.groups = groups;
		this.restrictions = restrictions;
		this.events = events;
	}

	public void removeUser(Actor actor, UUID userId) {
		access.require(actor, Permissions.USERS_DELETE);
		int removedBindings = bindings.removeAllOfDeletedUser(actor, userId);
		int memberships = groups.removeMemberships(userId);
		boolean restricted = restrictions.removeOfDeletedUser(actor, userId);
		events.publishEvent(new UserAccessRemoved(actor, userId, removedBindings, memberships, restricted));
	}
}
