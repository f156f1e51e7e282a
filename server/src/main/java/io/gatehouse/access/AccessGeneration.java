package io.gatehouse.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The access graph as this node knows it since the last relevant change: filled lazily from the database, never
 * changed by a change. A change makes a new generation instead, so a check in progress reads one consistent view.
 * The entries live in the policy's caches under keys that carry the generation (and for decisions, how often their
 * user was forgotten): an entry of an older generation, or put by a check that raced with a forget, is never read
 * again and only waits for eviction.
 */
final class AccessGeneration implements AccessGraph {

	// more users forgotten than this in one generation: a new generation is cheaper than the bookkeeping
	static final int MAX_FORGOTTEN = 100_000;

	final long id;

	private final AccessCaches caches;

	private final AccessGraphStore store;

	private final UserStatusSource users;

	// per user, how often they were forgotten in this generation: part of their decisions' keys
	private final Map<UUID, Long> forgotten = new ConcurrentHashMap<>();

	private final AtomicLong forgets = new AtomicLong();

	private volatile Map<UUID, RoleDefinition> customRoles;

	private volatile AreaCatalog areas;

	private volatile List<Permission> permissions;

	record DecisionKey(long generation, long userStamp, UUID userId, Permission permission, UUID resourceId) {
	}

	record UserKey(long generation, UUID userId) {
	}

	record ResourceKey(long generation, UUID resourceId) {
	}

	record LabelsKey(long generation, long userStamp, UUID userId) {
	}

	/** A resource's path to the instance, nearest first, and its owner. */
	record Path(List<UUID> ids, UUID owner) {
	}

	/** The caches every generation keeps its entries in, made once per node. */
	record AccessCaches(Cache<DecisionKey, AccessDecision> decisions, Cache<UserKey, UserAccess> users,
			Cache<ResourceKey, Path> paths, Cache<LabelsKey, List<RoleLabelStore.Held>> labels) {

		void clear() {
			decisions.invalidateAll();
			users.invalidateAll();
			paths.invalidateAll();
			labels.invalidateAll();
		}
	}

	// whether what is read now may be kept (not from a transaction's older snapshot, see SharedCaches)
	private final BooleanSupplier mayKeep;

	AccessGeneration(long id, AccessCaches caches, AccessGraphStore store, UserStatusSource users,
			BooleanSupplier mayKeep) {
		this.id = id;
		this.caches = caches;
		this.store = store;
		this.users = users;
		this.mayKeep = mayKeep;
	}

	@Override
	public UUID root() {
		return Resources.INSTANCE;
	}

	@Override
	public List<UUID> pathToRoot(UUID resourceId) {
		return path(resourceId).ids();
	}

	private Path path(UUID resourceId) {
		return cached(caches.paths(), new ResourceKey(id, resourceId), () -> loadPath(resourceId));
	}

	/** What the cache holds for the key, else loaded: and kept, unless what is read now may not be kept. */
	private <K, V> V cached(Cache<K, V> cache, K key, Supplier<V> load) {
		return cached(cache, key, load, mayKeep.getAsBoolean());
	}

	private static <K, V> V cached(Cache<K, V> cache, K key, Supplier<V> load, boolean keep) {
		if (!keep) {
			V known = cache.getIfPresent(key);
			return known != null ? known : load.get();
		}
		return cache.get(key, ignored -> load.get());
	}

	private Path loadPath(UUID resourceId) {
		List<AccessGraphStore.PathStep> steps = store.path(resourceId);
		return new Path(List.copyOf(AccessGraphStore.ids(steps)), steps.isEmpty() ? null : steps.get(0).owner());
	}

	@Override
	public UserAccess user(UUID userId) {
		// a load in flight when the user is forgotten finishes before the forget removes its result
		return cached(caches.users(), new UserKey(id, userId), () -> load(userId));
	}

	/** Null for a user that does not exist (or was deleted): the engine then answers unknown, not inactive. */
	private UserAccess load(UUID userId) {
		boolean active = users.isActive(userId);
		if (!active && !users.exists(userId)) {
			return null;
		}
		List<Binding> bindings = store.bindingsOf(userId);
		Map<UUID, List<Binding>> byResource = new HashMap<>();
		boolean systemAdministrator = false;
		for (Binding binding : bindings) {
			byResource.computeIfAbsent(binding.resourceId(), resource -> new ArrayList<>()).add(binding);
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
			if (mayKeep.getAsBoolean()) {
				customRoles = roles;
			}
		}
		return roles.get(roleId);
	}

	@Override
	public UUID owner(UUID resourceId) {
		return path(resourceId).owner();
	}

	@Override
	public AreaCatalog areas() {
		AreaCatalog catalog = areas;
		if (catalog == null) {
			catalog = AreaCatalog.of(permissions(), store.administrativeAreas());
			if (mayKeep.getAsBoolean()) {
				areas = catalog;
			}
		}
		return catalog;
	}

	/** The catalog's permissions: read for every escalation check, changed only by a catalog change. */
	List<Permission> permissions() {
		List<Permission> catalog = permissions;
		if (catalog == null) {
			catalog = List.copyOf(store.permissions());
			if (mayKeep.getAsBoolean()) {
				permissions = catalog;
			}
		}
		return catalog;
	}

	/**
	 * The key of a decision about the user, read before the decision is computed: if the user is forgotten while it
	 * is, the decision is kept under a key no lookup builds any more.
	 */
	DecisionKey decisionKey(UUID userId, Permission permission, UUID resourceId) {
		return new DecisionKey(id, forgotten.getOrDefault(userId, 0L), userId, permission, resourceId);
	}

	AccessDecision decision(DecisionKey key) {
		return caches.decisions().getIfPresent(key);
	}

	/** Keeps a decision, unless what it was made from may not be kept either. */
	void remember(DecisionKey key, AccessDecision decision) {
		if (mayKeep.getAsBoolean()) {
			caches.decisions().put(key, decision);
		}
	}

	/**
	 * What gives the user access, by name (their Role column). Kept only when read outside a transaction: one that
	 * changed the user's access and then rolls back would otherwise leave its own view behind. The key is read
	 * before the load, as a decision's is, so a load that races with a forget is never read again.
	 */
	List<RoleLabelStore.Held> held(UUID userId, Supplier<List<RoleLabelStore.Held>> load) {
		LabelsKey key = new LabelsKey(id, forgotten.getOrDefault(userId, 0L), userId);
		return cached(caches.labels(), key, load, !TransactionSynchronizationManager.isActualTransactionActive());
	}

	/**
	 * This node committed a change to one user's access: forget what was loaded or decided for that user, and
	 * keep the rest of the generation. False when this generation forgot too many users to go on.
	 */
	boolean forget(UUID userId) {
		forgotten.put(userId, forgets.incrementAndGet());
		caches.users().invalidate(new UserKey(id, userId));
		return forgotten.size() < MAX_FORGOTTEN;
	}
}
