package io.gatehouse.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A group's permission profile: global actions applied to every area, or granular {@code (area,
 * actions)} entries. The engine treats a profile as a binding of its group at the root of the resource tree.
 *
 * <p>
 * As soon as one granular entry exists, only granular entries apply and the global actions are ignored: adding
 * {@code billing: read} to a group that had global CRUD leaves it with billing:read alone. An entry with no
 * actions still counts as an entry, so it too switches the globals off; the surprise is a narrower group, never a
 * wider one.
 *
 * <p>
 * The global actions apply to every area without exception, administrative ones included: the default profile
 * (global CRUD) lets members create, read, update and delete users, roles and tokens instance-wide. That is the
 * permission table's rule as administrators set it; narrowing it is a product decision, not the engine's.
 */
public record GroupProfile(Set<String> globalActions, Map<String, Set<String>> granular) {

	public GroupProfile {
		globalActions = globalActions == null ? Set.of() : Set.copyOf(globalActions);
		for (String action : globalActions) {
			requireName("action", action);
		}
		Map<String, Set<String>> entries = new LinkedHashMap<>();
		if (granular != null) {
			for (Map.Entry<String, Set<String>> entry : granular.entrySet()) {
				requireName("area", entry.getKey());
				Set<String> actions = entry.getValue() == null ? Set.of() : Set.copyOf(entry.getValue());
				for (String action : actions) {
					requireName("action", action);
				}
				entries.put(entry.getKey(), actions);
			}
		}
		granular = Map.copyOf(entries);
	}

	/** Every member may create, read, update and delete in every area. */
	public static GroupProfile defaultProfile() {
		return new GroupProfile(Actions.CRUD, Map.of());
	}

	public boolean isGranular() {
		return !granular.isEmpty();
	}

	public boolean grants(Permission permission) {
		if (!granular.isEmpty()) {
			Set<String> actions = granular.get(permission.area());
			return actions != null && actions.contains(permission.action());
		}
		return globalActions.contains(permission.action());
	}

	private static void requireName(String part, String value) {
		String problem = Permission.problemWith(part, value);
		if (problem != null) {
			throw new IllegalArgumentException("Invalid permission profile: " + problem);
		}
	}
}
