package io.gatehouse.access;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the engine needs to know about areas: which permissions exist at all, because nothing else can be granted
 * (the engine fails closed on a permission the catalog does not declare), and which areas are administrative,
 * because Editor and Viewer stop at them.
 */
public interface AreaCatalog {

	/** The administrative areas every instance has. */
	Set<String> BUILT_IN_ADMINISTRATIVE = Set.of("users", "groups", "roles", "settings", "audit", "tokens",
			"applications");

	/** Every area every instance has, each with the four CRUD actions. */
	Set<String> BUILT_IN = Set.of("users", "groups", "roles", "settings", "audit", "tokens", "applications", "resources",
			"workspaces", "projects", "environments");

	boolean isAdministrative(String area);

	/** Whether the area is in the catalog. */
	boolean hasArea(String area);

	/** Whether the catalog declares this permission: its area, and that action of the area. */
	boolean declares(Permission permission);

	/** The built-in areas with their CRUD actions, and nothing registered. */
	static AreaCatalog builtIn() {
		Set<Permission> declared = new HashSet<>();
		for (String area : BUILT_IN) {
			for (String action : Actions.CRUD) {
				declared.add(new Permission(area, action));
			}
		}
		return of(declared, BUILT_IN_ADMINISTRATIVE);
	}

	/** A catalog of exactly these permissions, of which the areas in {@code administrative} are administrative. */
	static AreaCatalog of(Collection<Permission> declared, Set<String> administrative) {
		Map<String, Set<String>> actions = new HashMap<>();
		for (Permission permission : declared) {
			actions.computeIfAbsent(permission.area(), area -> new HashSet<>()).add(permission.action());
		}
		Map<String, Set<String>> frozen = new HashMap<>();
		actions.forEach((area, names) -> frozen.put(area, Set.copyOf(names)));
		return new Declared(Map.copyOf(frozen), Set.copyOf(administrative));
	}

	/** The catalog as read at one moment: immutable, so one check sees one catalog. */
	record Declared(Map<String, Set<String>> actions, Set<String> administrative) implements AreaCatalog {

		@Override
		public boolean isAdministrative(String area) {
			return administrative.contains(area);
		}

		@Override
		public boolean hasArea(String area) {
			return actions.containsKey(area);
		}

		@Override
		public boolean declares(Permission permission) {
			Set<String> declared = actions.get(permission.area());
			return declared != null && declared.contains(permission.action());
		}
	}
}
