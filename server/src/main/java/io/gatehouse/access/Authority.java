package io.gatehouse.access;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The rule of granting, which also governs taking away and acting on people.
 * <ul>
 * <li>To grant a role at a resource, the actor must hold there every permission the role grants.</li>
 * <li>To act on a user (set their password, end their sessions, remove their roles, deactivate them...), the
 * actor must be able to grant everything the user holds, where the user holds it: their own bindings, their groups'
 * bindings, Admin wherever they own a resource, and their groups' permission profiles at the root. Whoever could
 * not give someone their access cannot take it over or take it away either.</li>
 * <li>A System Administrator is granted, and acted on, only by a System Administrator whose credential is not
 * narrowed by a token scope.</li>
 * </ul>
 * Each answer is the first thing that blocks, so that the refusal can say what it was; null means allowed. Every
 * check reads one graph, so an answer is consistent even while access changes.
 */
final class Authority {

	/** What the actor could not grant: a permission at a resource, held through {@code source}. */
	record Shortfall(Permission permission, UUID resourceId, String source) {

		/** A shortfall that is not about one permission: the target is a System Administrator. */
		static Shortfall systemAdministrator() {
			return new Shortfall(null, Resources.INSTANCE, BuiltInRoles.SYSTEM_ADMINISTRATOR_NAME);
		}
	}

	private final AccessGraph graph;

	private final PolicyEvaluator evaluator;

	private final List<Permission> catalog;

	Authority(AccessGraph graph, List<Permission> catalog) {
		this.graph = Objects.requireNonNull(graph, "graph");
		this.evaluator = new PolicyEvaluator(graph);
		this.catalog = List.copyOf(catalog);
	}

	/** Whether the subject holds everything everywhere: a System Administrator, not narrowed by a token. */
	boolean holdsEverything(Subject actor) {
		UserAccess user = graph.user(actor.userId());
		return user != null && user.active() && user.systemAdministrator() && actor.tokenScope().isUnrestricted();
	}

	/** What keeps the actor from granting the role at the resource, or null. */
	Shortfall toGrant(Subject actor, RoleDefinition role, UUID resourceId) {
		if (BuiltInRoles.SYSTEM_ADMINISTRATOR.equals(role.id())) {
			return holdsEverything(actor) ? null : Shortfall.systemAdministrator();
		}
		for (Permission permission : catalog) {
			if (role.grants(permission, graph.areas()) && !evaluator.allows(actor, permission, resourceId)) {
				return new Shortfall(permission, resourceId, role.name());
			}
		}
		return null;
	}

	/** What keeps the actor from granting a group's permission profile, which applies at the root, or null. */
	Shortfall toGrant(Subject actor, GroupProfile profile, String source) {
		for (Permission permission : catalog) {
			if (profile.grants(permission) && !evaluator.allows(actor, permission, graph.root())) {
				return new Shortfall(permission, graph.root(), source);
			}
		}
		return null;
	}

	/**
	 * What keeps the actor from acting on the user, or null.
	 *
	 * @param owned the resources the user owns: ownership is a grant of Admin there
	 */
	Shortfall toActOn(Subject actor, UUID userId, List<UUID> owned) {
		UserAccess target = graph.user(userId);
		if (target == null) {
			return null;
		}
		if (target.systemAdministrator() && !holdsEverything(actor)) {
			return Shortfall.systemAdministrator();
		}
		for (Map.Entry<UUID, List<Binding>> atResource : target.bindingsByResource().entrySet()) {
			UUID resource = atResource.getKey();
			for (Binding binding : atResource.getValue()) {
				RoleDefinition role = graph.role(binding.roleId());
				// a role gone or out of its workspace grants nothing, so there is nothing to be able to grant
				if (role == null || !inForce(role, resource)) {
					continue;
				}
				Shortfall shortfall = toGrant(actor, role, resource);
				if (shortfall != null) {
					return shortfall;
				}
			}
		}
		RoleDefinition admin = BuiltInRoles.byId(BuiltInRoles.ADMIN);
		for (UUID resource : owned) {
			Shortfall shortfall = toGrant(actor, admin, resource);
			if (shortfall != null) {
				return new Shortfall(shortfall.permission(), resource, "Admin as owner");
			}
		}
		for (Map.Entry<UUID, GroupProfile> profile : target.groupProfiles().entrySet()) {
			Shortfall shortfall = toGrant(actor, profile.getValue(), "the permission profile of group "
					+ profile.getKey());
			if (shortfall != null) {
				return shortfall;
			}
		}
		return null;
	}

	/**
	 * What keeps the actor from moving the resource under a new parent, or null. A move hands the resource to
	 * everyone who holds something at the new parent, and takes it from those who held it through the old one: the
	 * actor must be able to grant Admin at the resource where it stands, and again where it would stand.
	 */
	Shortfall toMove(Subject actor, UUID resourceId, UUID newParentId) {
		RoleDefinition admin = BuiltInRoles.byId(BuiltInRoles.ADMIN);
		Shortfall before = toGrant(actor, admin, resourceId);
		if (before != null) {
			return before;
		}
		// taking it out of its parent takes it from everyone who holds the parent: as much as Admin there, so the
		// actor must be able to grant Admin at the old parent too (owning the resource alone is not enough)
		List<UUID> path = graph.pathToRoot(resourceId);
		if (path.size() > 1) {
			Shortfall oldParent = toGrant(actor, admin, path.get(1));
			if (oldParent != null) {
				return oldParent;
			}
		}
		return new Authority(new MovedGraph(graph, resourceId, newParentId), catalog).toGrant(actor, admin,
				resourceId);
	}

	private boolean inForce(RoleDefinition role, UUID resource) {
		return role.definedAt() == null || graph.pathToRoot(resource).contains(role.definedAt());
	}
}
