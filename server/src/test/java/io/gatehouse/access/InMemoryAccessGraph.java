package io.gatehouse.access;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An access graph held in maps, described by name so that a test reads like the scenario it checks. Every name
 * becomes an id through {@link #id}; resources, users and groups share one namespace. Everything is computed when
 * {@link Builder#build()} runs, so checks against it are map lookups, as they would be against a cache; the
 * builder stays usable, so a test can change one thing and build again.
 */
final class InMemoryAccessGraph implements AccessGraph {

	private final UUID root;

	private final Map<UUID, List<UUID>> paths;

	private final Map<UUID, UUID> owners;

	private final Map<UUID, RoleDefinition> roles;

	private final Map<UUID, UserAccess> users;

	private final AreaCatalog areas;

	private InMemoryAccessGraph(UUID root, Map<UUID, List<UUID>> paths, Map<UUID, UUID> owners,
			Map<UUID, RoleDefinition> roles, Map<UUID, UserAccess> users, AreaCatalog areas) {
		this.root = root;
		this.paths = paths;
		this.owners = owners;
		this.roles = roles;
		this.users = users;
		this.areas = areas;
	}

	static UUID id(String name) {
		return UUID.nameUUIDFromBytes(("gatehouse:" + name).getBytes(StandardCharsets.UTF_8));
	}

	static Builder builder(String root) {
		return new Builder(root);
	}

	/** The binding the builder stores for {@link Builder#bindUser}, for comparing with a decision's. */
	static Binding userBinding(String user, UUID role, String resource) {
		return binding(PrincipalType.USER, user, role, resource);
	}

	/** The binding the builder stores for {@link Builder#bindGroup}, for comparing with a decision's. */
	static Binding groupBinding(String group, UUID role, String resource) {
		return binding(PrincipalType.GROUP, group, role, resource);
	}

	private static Binding binding(PrincipalType type, String principal, UUID role, String resource) {
		return new Binding(id("binding " + type + " " + principal + " " + role + " " + resource), type, id(principal),
				role, id(resource));
	}

	@Override
	public UUID root() {
		return root;
	}

	@Override
	public List<UUID> pathToRoot(UUID resourceId) {
		return paths.getOrDefault(resourceId, List.of());
	}

	@Override
	public UserAccess user(UUID userId) {
		return users.get(userId);
	}

	@Override
	public RoleDefinition role(UUID roleId) {
		return roles.get(roleId);
	}

	@Override
	public UUID owner(UUID resourceId) {
		return owners.get(resourceId);
	}

	@Override
	public AreaCatalog areas() {
		return areas;
	}

	static final class Builder {

		private final String root;

		private final Map<String, String> parents = new LinkedHashMap<>();

		private final Map<String, String> owners = new HashMap<>();

		private final Map<UUID, RoleDefinition> roles = new HashMap<>();

		private final Map<String, UserSpec> users = new LinkedHashMap<>();

		private final Map<String, Set<String>> members = new LinkedHashMap<>();

		private final Map<String, GroupProfile> profiles = new LinkedHashMap<>();

		private final List<Binding> bindings = new ArrayList<>();

		private final Set<String> administrative = new HashSet<>(AreaCatalog.BUILT_IN_ADMINISTRATIVE);

		// the built-in areas, and a platform's billing and invoices with actions of their own
		private final Set<Permission> declared = new HashSet<>(Set.of(Permission.parse("projects:archive"),
				Permission.parse("projects:deploy"), Permission.parse("billing:create"), Permission.parse("billing:read"),
				Permission.parse("billing:update"), Permission.parse("billing:delete"), Permission.parse("billing:refund"),
				Permission.parse("invoices:create"), Permission.parse("invoices:read")));

		private Builder(String root) {
			this.root = root;
			parents.put(root, null);
			for (RoleDefinition role : BuiltInRoles.all()) {
				roles.put(role.id(), role);
			}
		}

		Builder resource(String name, String parent) {
			requireResource(parent);
			if (parents.containsKey(name)) {
				throw new IllegalArgumentException("Resource " + name + " is already there.");
			}
			parents.put(name, parent);
			return this;
		}

		Builder owner(String resource, String user) {
			requireResource(resource);
			requireUser(user);
			owners.put(resource, user);
			return this;
		}

		/** An instance-wide custom role whose id is {@code id(name)}. */
		Builder role(String name, String... patterns) {
			return addRole(name, null, patterns);
		}

		/** A custom role defined in a workspace, whose id is {@code id(name)}. */
		Builder workspaceRole(String name, String workspace, String... patterns) {
			requireResource(workspace);
			return addRole(name, id(workspace), patterns);
		}

		Builder user(String name) {
			users.putIfAbsent(name, new UserSpec(true, false, null));
			return this;
		}

		Builder systemAdministrator(String name) {
			UserSpec user = users.getOrDefault(name, new UserSpec(true, false, null));
			users.put(name, new UserSpec(user.active(), true, user.restriction()));
			return this;
		}

		Builder deactivate(String name) {
			requireUser(name);
			UserSpec user = users.get(name);
			users.put(name, new UserSpec(false, user.systemAdministrator(), user.restriction()));
			return this;
		}

		Builder restrict(String name, String resource) {
			requireUser(name);
			requireResource(resource);
			UserSpec user = users.get(name);
			users.put(name, new UserSpec(user.active(), user.systemAdministrator(), resource));
			return this;
		}

		Builder group(String name, String... userNames) {
			for (String user : userNames) {
				requireUser(user);
			}
			members.computeIfAbsent(name, (group) -> new LinkedHashSet<>()).addAll(Arrays.asList(userNames));
			return this;
		}

		Builder profile(String group, GroupProfile profile) {
			requireGroup(group);
			profiles.put(group, profile);
			return this;
		}

		/** Binds a role to a user; the role need not be known, so a test can leave it dangling. */
		Builder bindUser(String user, UUID role, String resource) {
			requireUser(user);
			requireResource(resource);
			bindings.add(userBinding(user, role, resource));
			return this;
		}

		Builder bindGroup(String group, UUID role, String resource) {
			requireGroup(group);
			requireResource(resource);
			bindings.add(groupBinding(group, role, resource));
			return this;
		}

		Builder unbindUser(String user, UUID role, String resource) {
			if (!bindings.remove(userBinding(user, role, resource))) {
				throw new IllegalArgumentException("No such binding to take away.");
			}
			return this;
		}

		Builder administrativeAreas(String... areas) {
			administrative.addAll(Arrays.asList(areas));
			return this;
		}

		/** Declares more permissions in the catalog, {@code area:action}. */
		Builder declare(String... permissions) {
			Arrays.stream(permissions).map(Permission::parse).forEach(declared::add);
			return this;
		}

		InMemoryAccessGraph build() {
			Map<UUID, List<UUID>> paths = new HashMap<>();
			for (String resource : parents.keySet()) {
				List<UUID> path = new ArrayList<>();
				for (String at = resource; at != null; at = parents.get(at)) {
					path.add(id(at));
				}
				paths.put(id(resource), List.copyOf(path));
			}
			Map<UUID, UUID> ownerIds = new HashMap<>();
			owners.forEach((resource, user) -> ownerIds.put(id(resource), id(user)));
			Map<UUID, UserAccess> access = new HashMap<>();
			users.forEach((name, spec) -> access.put(id(name), userAccess(name, spec)));
			return new InMemoryAccessGraph(id(root), Map.copyOf(paths), Map.copyOf(ownerIds), Map.copyOf(roles),
					Map.copyOf(access), catalog());
		}

		private AreaCatalog catalog() {
			Set<Permission> permissions = new HashSet<>(declared);
			for (String area : AreaCatalog.BUILT_IN) {
				for (String action : Actions.CRUD) {
					permissions.add(new Permission(area, action));
				}
			}
			return AreaCatalog.of(permissions, administrative);
		}

		private UserAccess userAccess(String name, UserSpec spec) {
			Set<UUID> principals = new HashSet<>();
			principals.add(id(name));
			Set<UUID> groupIds = new LinkedHashSet<>();
			Map<UUID, GroupProfile> groupProfiles = new LinkedHashMap<>();
			members.forEach((group, users) -> {
				if (users.contains(name)) {
					groupIds.add(id(group));
					principals.add(id(group));
					if (profiles.containsKey(group)) {
						groupProfiles.put(id(group), profiles.get(group));
					}
				}
			});
			Map<UUID, List<Binding>> byResource = bindings.stream()
				.filter((binding) -> principals.contains(binding.principalId()))
				.collect(Collectors.groupingBy(Binding::resourceId));
			return new UserAccess(id(name), spec.active(), spec.systemAdministrator(),
					spec.restriction() == null ? null : id(spec.restriction()), groupIds, byResource, groupProfiles);
		}

		private Builder addRole(String name, UUID definedAt, String... patterns) {
			Set<PermissionPattern> parsed = Arrays.stream(patterns).map(PermissionPattern::parse).collect(Collectors.toSet());
			roles.put(id(name), RoleDefinition.custom(id(name), name, parsed, definedAt));
			return this;
		}

		private void requireResource(String name) {
			if (!parents.containsKey(name)) {
				throw new IllegalArgumentException("No resource " + name + " yet.");
			}
		}

		private void requireUser(String name) {
			if (!users.containsKey(name)) {
				throw new IllegalArgumentException("No user " + name + " yet.");
			}
		}

		private void requireGroup(String name) {
			if (!members.containsKey(name)) {
				throw new IllegalArgumentException("No group " + name + " yet.");
			}
		}
	}

	private record UserSpec(boolean active, boolean systemAdministrator, String restriction) {
	}
}
