package io.gatehouse.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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

	// per user, so that a change to one user's access forgets that user's decisions only
	private final Map<UUID, Map<DecisionKey, AccessDecision>> decisionsByUser = new ConcurrentHashMap<>();

	private final AtomicInteger decisionCount = new AtomicInteger();

	// counts forget() calls: what was computed before one may be stale, and must not be kept
	private final AtomicLong forgotten = new AtomicLong();

	private volatile Map<UUID, RoleDefinition> customRoles;

	private volatile AreaCatalog areas;

	private volatile List<Permission> permissions;

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
			long stamp = forgotten.get();
			UserAccess loaded = load(userId);
			if (loaded != null && accessByUser.size() < MAX_ENTRIES) {
				accessByUser.put(userId, loaded);
				keepOnlyIfCurrent(stamp, () -> accessByUser.remove(userId, loaded));
			}
			access = loaded;
		}
		return access;
	}

	/** Null for a user that does not exist (or was deleted): the engine then answers unknown, not inactive. */
	private UserAccess load(UUID userId) {
		boolean active = users.isActive(userId);
		if (!active && !users.exists(userId)) {
			return null;
		}
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
			catalog = AreaCatalog.of(permissions(), store.administrativeAreas());
			areas = catalog;
		}
		return catalog;
	}

	/** The catalog's permissions: read for every escalation check, changed only by a catalog change. */
	List<Permission> permissions() {
		List<Permission> catalog = permissions;
		if (catalog == null) {
			catalog = List.copyOf(store.permissions());
			permissions = catalog;
		}
		return catalog;
	}

	/** Read before computing something to remember: {@link #remember} keeps it only if nothing was forgotten since. */
	long stamp() {
		return forgotten.get();
	}

	AccessDecision decision(DecisionKey key) {
		Map<DecisionKey, AccessDecision> decisions = decisionsByUser.get(key.userId());
		return decisions == null ? null : decisions.get(key);
	}

	void remember(DecisionKey key, AccessDecision decision, long stamp) {
		if (decisionCount.get() >= MAX_ENTRIES) {
			return;
		}
		Map<DecisionKey, AccessDecision> decisions = decisionsByUser.computeIfAbsent(key.userId(),
				user -> new ConcurrentHashMap<>());
		if (decisions.put(key, decision) == null) {
			decisionCount.incrementAndGet();
		}
		keepOnlyIfCurrent(stamp, () -> decisions.remove(key, decision));
	}

	/**
	 * This node committed a change to one user's access: forget what was loaded or decided for that user, and
	 * keep the rest of the generation.
	 */
	void forget(UUID userId) {
		forgotten.incrementAndGet();
		accessByUser.remove(userId);
		Map<DecisionKey, AccessDecision> decisions = decisionsByUser.remove(userId);
		if (decisions != null) {
			decisionCount.addAndGet(-decisions.size());
		}
	}

	// Put first, then check: a forget() racing with the put either removes the entry itself (it runs after the
	// put) or has already counted, and then the check removes it. Checking first would leave a stale entry behind.
	private void keepOnlyIfCurrent(long stamp, Runnable undo) {
		if (forgotten.get() != stamp) {
			undo.run();
		}
	}
}
