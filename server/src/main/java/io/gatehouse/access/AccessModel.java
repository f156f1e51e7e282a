package io.gatehouse.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * What the modules that write the access model (roles, groups, resources) read of it, so that they depend on the
 * rule's view of the model rather than on each other's stores. Reads here go to the database, not the cache: they
 * back checks made inside a write's transaction.
 */
@Component
public class AccessModel {

	private final AccessGraphStore graph;

	private final AccessModelStore store;

	private final AccessPolicy policy;

	AccessModel(AccessGraphStore graph, AccessModelStore store, AccessPolicy policy) {
		this.graph = graph;
		this.store = store;
		this.policy = policy;
	}

	/** The resource and its ancestors up to the instance, nearest first; empty when the resource is unknown. */
	public List<UUID> pathToRoot(UUID resourceId) {
		return AccessGraphStore.ids(graph.path(resourceId));
	}

	public Optional<String> resourceType(UUID resourceId) {
		return store.resourceType(resourceId);
	}

	/** A role as the rule reads it, built-in or custom; null when no such role exists. */
	public RoleDefinition role(UUID roleId) {
		RoleDefinition builtIn = BuiltInRoles.byId(roleId);
		return builtIn != null ? builtIn : store.customRole(roleId).orElse(null);
	}

	/** Every permission the catalog declares that the role grants, as the current generation knows them. */
	public List<Permission> grantedBy(RoleDefinition role) {
		AreaCatalog areas = policy.areas();
		return policy.permissions().stream().filter(permission -> role.grants(permission, areas)).toList();
	}

	/** Every permission the catalog declares that the profile grants. */
	public List<Permission> grantedBy(GroupProfile profile) {
		return policy.permissions().stream().filter(profile::grants).toList();
	}

	public List<Binding> bindingsOf(PrincipalType type, UUID principalId) {
		return store.bindingsOf(type, principalId);
	}

	/** The resources where the role is bound to someone. */
	public List<UUID> resourcesBinding(UUID roleId) {
		return store.resourcesBinding(roleId);
	}

	/** How many bindings use the role. */
	public int timesBound(UUID roleId) {
		return store.timesBound(roleId);
	}

	public boolean groupExists(UUID groupId) {
		return store.groupExists(groupId);
	}
}
