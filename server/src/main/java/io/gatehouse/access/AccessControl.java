package io.gatehouse.access;

import java.util.List;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The permission check every feature service calls on its first line, in domain words:
 * {@code access.require(actor, Permissions.USERS_CREATE)} (at the instance) or with the resource concerned; and,
 * for an operation on a person, then {@code access.requireAuthorityOver(actor, userId)}, which holds the actor to the
 * rule of granting ({@link Authority}).
 */
@Service
public class AccessControl {

	private final AccessPolicy policy;

	private final SystemAdministratorStore administrators;

	private final TokenScopeSource tokenScopes;

	private final AccessModelStore model;

	private final UserStatusSource users;

	private final ApplicationEventPublisher events;

	AccessControl(AccessPolicy policy, SystemAdministratorStore administrators, TokenScopeSource tokenScopes,
			AccessModelStore model, UserStatusSource users, ApplicationEventPublisher events) {
		this.policy = policy;
		this.administrators = administrators;
		this.tokenScopes = tokenScopes;
		this.model = model;
		this.users = users;
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

	/**
	 * Throws unless the actor could grant everything the user holds, where they hold it: for every operation on a
	 * person (their password, email, second factor, allowlist, sessions, tokens, status, roles), after the
	 * permission the operation needs. A System Administrator is acted on only by a System Administrator.
	 */
	public void requireAuthorityOver(Actor actor, UUID userId) {
		if (actor.isSystem()) {
			return;
		}
		List<UUID> owned = model.ownedBy(userId);
		Authority.Shortfall shortfall = policy.authority().toActOn(subjectOf(actor), userId, owned);
		if (shortfall != null) {
			throw DomainException.forbidden("privilege-escalation", shortfall.permission() == null
					? "Only a System Administrator, signed in or with an unrestricted token, can do this to a System "
							+ "Administrator."
					: "This user holds " + shortfall.permission() + " at resource " + shortfall.resourceId()
							+ " (through " + shortfall.source() + "), which you could not grant; only someone who could "
							+ "grant everything a user holds may do this to them.");
		}
	}

	/** Throws unless the actor could grant the role at the resource: hold there everything it grants. */
	public void requireGrantable(Actor actor, UUID roleId, UUID resourceId) {
		RoleDefinition role = BuiltInRoles.byId(roleId);
		if (role == null) {
			role = policy.role(roleId);
		}
		if (role == null || actor.isSystem()) {
			return;
		}
		refuseShortfall(policy.authority().toGrant(subjectOf(actor), role, resourceId), "grant " + role.name());
	}

	/** Throws unless the actor could grant the role at the resource. */
	public void requireGrantable(Actor actor, RoleDefinition role, UUID resourceId, String what) {
		if (!actor.isSystem()) {
			refuseShortfall(policy.authority().toGrant(subjectOf(actor), role, resourceId), what);
		}
	}

	/** Throws unless the actor could give a group this permission profile, or take it away: it applies at the root. */
	public void requireGrantable(Actor actor, GroupProfile profile, String what) {
		if (!actor.isSystem()) {
			refuseShortfall(policy.authority().toGrant(subjectOf(actor), profile, "a permission profile"), what);
		}
	}

	/** Ownership is Admin at the resource: whoever gives it, or takes it away, must be able to grant Admin there. */
	public void requireOwnershipGrant(Actor actor, UUID resourceId, String what) {
		requireGrantable(actor, BuiltInRoles.byId(BuiltInRoles.ADMIN), resourceId, what);
	}

	/**
	 * A move hands the resource to those who hold the new parent and takes it from those who hold the old one: the actor
	 * must be able to grant Admin at the resource, where it is and where it goes, and at its old parent.
	 */
	public void requireMove(Actor actor, UUID resourceId, UUID newParentId) {
		if (!actor.isSystem()) {
			refuseShortfall(policy.authority().toMove(subjectOf(actor), resourceId, newParentId),
					"move this resource there");
		}
	}

	private static void refuseShortfall(Authority.Shortfall shortfall, String what) {
		if (shortfall == null) {
			return;
		}
		if (shortfall.permission() == null) {
			throw DomainException.forbidden("privilege-escalation",
					"Only a System Administrator, signed in or with an unrestricted token, can " + what + ".");
		}
		throw DomainException.forbidden("privilege-escalation", "You cannot " + what + ": it takes "
				+ shortfall.permission() + " at resource " + shortfall.resourceId() + ", which you do not hold there.");
	}

	/** Whether the actor holds everything everywhere: the system, or a System Administrator not narrowed by a token. */
	public boolean holdsEverything(Actor actor) {
		return actor.isSystem() || (actor.userId() != null && policy.authority().holdsEverything(subjectOf(actor)));
	}

	/** The actor as the engine sees it: a request made with a personal access token carries that token's scope. */
	public Subject subjectOf(Actor actor) {
		if (actor.tokenId() == null) {
			return Subject.session(actor.userId());
		}
		return Subject.token(actor.userId(), tokenScopes.scopeOf(actor.tokenId()));
	}

	/**
	 * Refuses a request made with a scoped token: such a token may not mint credentials or change its own account,
	 * or it could issue itself an unrestricted one, or lock its owner out.
	 */
	public void requireUnscopedCredential(Actor actor) {
		if (actor.tokenId() != null && !tokenScopes.scopeOf(actor.tokenId()).isUnrestricted()) {
			throw DomainException.forbidden("scoped-token",
					"A token limited by a scope cannot do this; sign in or use an unrestricted token.");
		}
	}

	/** Whether the resource exists, as the cached access graph knows it; the foreign keys have the last word. */
	public boolean resourceExists(UUID resourceId) {
		return policy.resourceExists(resourceId);
	}

	public boolean isSystemAdministrator(UUID userId) {
		return administrators.contains(userId);
	}

	/**
	 * Refuses to take the last active System Administrator away, whether by deactivation, deletion or unbinding:
	 * nobody could make another. The System Administrator bindings stay locked until the transaction ends, so two
	 * removals at once cannot each count the other as the one left.
	 */
	public void refuseRemovingLastSystemAdministrator(UUID userId) {
		if (!isSystemAdministrator(userId)) {
			return;
		}
		boolean another = administrators.lockAll()
			.stream()
			.anyMatch(administrator -> !administrator.equals(userId) && users.isActive(administrator));
		if (!another) {
			throw new DomainException(DomainException.Kind.CONFLICT, "last-system-administrator",
					"This is the last active System Administrator; make another one first.");
		}
	}

	/** Only the system itself (the bootstrap) or another System Administrator may make one. */
	@Transactional
	public void grantSystemAdministrator(Actor actor, UUID userId) {
		if (!holdsEverything(actor)) {
			throw DomainException.forbidden("privilege-escalation",
					"Only a System Administrator, signed in or with an unrestricted token, can make another.");
		}
		administrators.add(userId);
		events.publishEvent(new SystemAdministratorGranted(actor, userId));
	}
}
