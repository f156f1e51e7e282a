package io.gatehouse.access;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A named set of permissions.
 *
 * <p>
 * Built-in roles (see {@link BuiltInRoles}) are rules, not pattern lists, because Editor and Viewer depend on which
 * areas are administrative, and that changes as areas are added; their {@code patterns} are therefore always
 * empty and {@link #grants} is the only truthful answer. Custom roles grant exactly what their patterns match.
 *
 * @param definedAt null for an instance-wide role, else the workspace that defines it; such a role grants
 * nothing when bound outside that workspace (see {@link PolicyEvaluator})
 */
public record RoleDefinition(UUID id, String name, boolean builtIn, Set<PermissionPattern> patterns, UUID definedAt) {

	public RoleDefinition {
		Objects.requireNonNull(id, "id");
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A role needs a name.");
		}
		patterns = patterns == null ? Set.of() : Set.copyOf(patterns);
		// The flag and the id must agree, or a custom role could borrow a built-in's rule by its id.
		if (builtIn != BuiltInRoles.isBuiltIn(id)) {
			throw new IllegalArgumentException(builtIn ? "Role " + id + " is not a built-in role."
					: "Role id " + id + " is reserved for a built-in role.");
		}
		if (builtIn && (!patterns.isEmpty() || definedAt != null)) {
			throw new IllegalArgumentException("Built-in role " + name + " is defined by rule, instance-wide.");
		}
	}

	public static RoleDefinition custom(UUID id, String name, Set<PermissionPattern> patterns, UUID definedAt) {
		return new RoleDefinition(id, name, false, patterns, definedAt);
	}

	/** Only what the catalog declares: a permission nobody declared is granted by no role, whatever its rule or patterns. */
	public boolean grants(Permission permission, AreaCatalog catalog) {
		if (!catalog.declares(permission)) {
			return false;
		}
		if (builtIn) {
			return BuiltInRoles.grants(id, permission, catalog);
		}
		for (PermissionPattern pattern : patterns) {
			if (pattern.matches(permission)) {
				return true;
			}
		}
		return false;
	}

	public boolean isInstanceWide() {
		return definedAt == null;
	}
}
