package io.gatehouse.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access graph as this node knows it since the last relevant change: filled lazily from the database, never
 * changed by a change. A change makes a new generation instead, so a check in progress reads one consistent view.
 */
final class AccessGeneration implements AccessGraph {

	// bounds on what one generation keeps, so memory stays flat whatever the directory size
	private static final int MAX_ENTRIES = 100_000;

	final long epoch;

	private final AccessGraphStore store;

	private final UserStatusSource users;

	private final Map<UUID, List<UUID>> paths = new ConcurrentHashMap<>();

	private final Map<UUID, UUID> owners = new ConcurrentHashMap<>();

	private final Map<UUID, UserAccess> accessByUser = new ConcurrentHashMap<>();

	final Map<DecisionKey, AccessDecision> decisions = new ConcurrentHashMap<>();

	private volatile Map<UUID, RoleDefinition> customRoles;

	private volatile AreaCatalog areas;

	record DecisionKey(UUID userId, Permission permission, UUID resourceId) {
	}

	AccessGeneration(long epoch, AccessGraphStore store, UserStatusSource users) {
		this.epoch = epoch;
		this.store = store;
		this.users = users;
	}

	@Override
	public UUID root() {
		return Resources.INSTANCE;
	}

	@Override
	public List<UUID> pathToRoot(UUID resourceId) {
		List<UUID> path = paths.get(resourceId);
		if (path == null) {
			List<AccessGraphStore.PathStep> steps = store.path(resourceId);
			for (AccessGraphStore.PathStep step : steps) {
				if (step.owner() != null) {
					owners.put(step.id(), step.owner());
				}
			}
			path = List.copyOf(AccessGraphStore.ids(steps));
			if (paths.size() < MAX_ENTRIES) {
				paths.put(resourceId, path);
			}
		}
		return path;
	}

	@Override
	public UserAccess user(UUID userId) {
		UserAccess access = accessByUser.get(userId);
		if (access == null) {
			access = load(userId);
			if (access != null && accessByUser.size() < MAX_ENTRIES) {
				accessByUser.put(userId, access);
			}
		}
		return access;
	}

	private UserAccess load(UUID userId) {
		boolean active = users.isActive(userId);
		List<Binding> bindings = store.bindingsOf(userId);
		Map<UUID, List<Binding>> byResource = new java.util.HashMap<>();
		boolean systemAdministrator = false;
		for (Binding binding : bindings) {
			byResource.computeIfAbsent(binding.resourceId(), id -> new java.util.ArrayList<>()).add(binding);
			systemAdministrator |= BuiltInRoles.SYSTEM_ADMINISTRATOR.equals(binding.roleId())
					&& Resources.INSTANCE.equals(binding.resourceId());
		}
		Set<UUID> groups = store.groupsOf(userId);
		return new UserAccess(userId, active, systemAdministrator, store.restrictionOf(userId), groups, byResource,
				groups.isEmpty() ? Map.of() : store.profilesOf(userId));
	}

	@Override
	public RoleDefinition role(UUID roleId) {
		RoleDefinition builtIn = BuiltInRoles.byId(roleId);
		if (builtIn != null) {
			return builtIn;
		}
		Map<UUID, RoleDefinition> roles = customRoles;
		if (roles == null) {
			roles = store.customRoles();
			customRoles = roles;
		}
		return roles.get(roleId);
	}

	@Override
	public UUID owner(UUID resourceId) {
		if (!paths.containsKey(resourceId)) {
			pathToRoot(resourceId);
		}
		return owners.get(resourceId);
	}

	@Override
	public AreaCatalog areas() {
		AreaCatalog catalog = areas;
		if (catalog == null) {
			catalog = AreaCatalog.withAdministrative(store.administrativeAreas());
			areas = catalog;
		}
		return catalog;
	}

	boolean hasRoomForDecisions() {
		return decisions.size() < MAX_ENTRIES;
	}
}
