package io.gatehouse.roles;

import java.util.List;
import java.util.UUID;

/**
 * A role as shown to people: its permissions spelled out over the catalog, and whether it
 * can be changed.
 *
 * @param definedAt null for a role usable anywhere; else the workspace that defines it
 */
public record RoleSummary(UUID id, String name, String description, boolean builtIn, UUID definedAt,
		List<String> permissions) {
}
