package io.gatehouse.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the pieces of the access graph from the database; {@link AccessPolicy} keeps them in memory. */
@Repository
class AccessGraphStore {

	record PathStep(UUID id, UUID owner) {
	}

	private final JdbcClient jdbc;

	AccessGraphStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The resource and its ancestors up to the instance, nearest first; empty when the resource is unknown. */
	List<PathStep> path(UUID resourceId) {
		// the depth bound stops a corrupted (cyclic) tree from looping; moves that would make a cycle are refused
		return jdbc.sql("""
				WITH RECURSIVE path (id, parent_id, owner_id, depth) AS (
				    SELECT id, parent_id, owner_id, 0 FROM access_resource WHERE id = ?
				    UNION ALL
				    SELECT r.id, r.parent_id, r.owner_id, p.depth + 1
				    FROM access_resource r JOIN path p ON r.id = p.parent_id
				    WHERE p.depth < 64)
				SELECT id, owner_id FROM path ORDER BY depth""")
			.param(resourceId)
			.query((rs, row) -> new PathStep(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class)))
			.list();
	}

	/** Maps a row of {@code access_binding}'s id, principal_type, principal_id, role_id and resource_id. */
	static Binding binding(ResultSet rs, int row) throws SQLException {
		return new Binding(rs.getObject("id", UUID.class), PrincipalType.valueOf(rs.getString("principal_type")),
				rs.getObject("principal_id", UUID.class), rs.getObject("role_id", UUID.class),
				rs.getObject("resource_id", UUID.class));
	}

	List<Binding> bindingsOf(UUID userId) {
		return jdbc.sql("""
				SELECT b.id, b.principal_type, b.principal_id, b.role_id, b.resource_id FROM access_binding b
				WHERE (b.principal_type = 'USER' AND b.principal_id = :user)
				   OR (b.principal_type = 'GROUP' AND b.principal_id IN
				       (SELECT m.group_id FROM access_group_member m WHERE m.user_id = :user))""")
			.param("user", userId)
			.query(AccessGraphStore::binding)
			.list();
	}

	Set<UUID> groupsOf(UUID userId) {
		return new HashSet<>(jdbc.sql("SELECT group_id FROM access_group_member WHERE user_id = ?")
			.param(userId)
			.query(UUID.class)
			.list());
	}

	/** The permission profiles of the user's groups that have one, in a stable order. */
	Map<UUID, GroupProfile> profilesOf(UUID userId) {
		Map<UUID, Set<String>> global = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT g.id, g.profile_actions FROM access_group g JOIN access_group_member m ON m.group_id = g.id
				WHERE m.user_id = ? AND g.profile_actions IS NOT NULL ORDER BY g.name_normalized""")
			.param(userId)
			.query((rs, row) -> global.put(rs.getObject("id", UUID.class), actions(rs.getString("profile_actions"))))
			.list();
		if (global.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Map<String, Set<String>>> granular = new HashMap<>();
		jdbc.sql("""
				SELECT gg.group_id, gg.area, gg.actions FROM access_group_grant gg
				JOIN access_group_member m ON m.group_id = gg.group_id WHERE m.user_id = ?""")
			.param(userId)
			.query((rs, row) -> granular.computeIfAbsent(rs.getObject("group_id", UUID.class), id -> new HashMap<>())
				.put(rs.getString("area"), actions(rs.getString("actions"))))
			.list();
		Map<UUID, GroupProfile> profiles = new LinkedHashMap<>();
		global.forEach((group, actions) -> profiles.put(group,
				new GroupProfile(actions, granular.getOrDefault(group, Map.of()))));
		return profiles;
	}

	UUID restrictionOf(UUID userId) {
		return jdbc.sql("SELECT resource_id FROM access_restriction WHERE user_id = ?")
			.param(userId)
			.query(UUID.class)
			.optional()
			.orElse(null);
	}

	/** Every custom role with its permission patterns. */
	Map<UUID, RoleDefinition> customRoles() {
		Map<UUID, Set<PermissionPattern>> patterns = new HashMap<>();
		jdbc.sql("SELECT role_id, permission FROM access_role_permission")
			.query((rs, row) -> patterns.computeIfAbsent(rs.getObject("role_id", UUID.class), id -> new HashSet<>())
				.add(PermissionPattern.parse(rs.getString("permission"))))
			.list();
		Map<UUID, RoleDefinition> roles = new HashMap<>();
		jdbc.sql("SELECT id, name, defined_at FROM access_role WHERE built_in = FALSE")
			.query((rs, row) -> {
				UUID id = rs.getObject("id", UUID.class);
				return roles.put(id, new RoleDefinition(id, rs.getString("name"), false,
						patterns.getOrDefault(id, Set.of()), rs.getObject("defined_at", UUID.class)));
			})
			.list();
		return roles;
	}

	Set<String> administrativeAreas() {
		return new HashSet<>(
				jdbc.sql("SELECT name FROM access_area WHERE administrative = TRUE").query(String.class).list());
	}

	/** Every permission the catalog declares. */
	List<Permission> permissions() {
		return jdbc.sql("SELECT area, action FROM access_area_action ORDER BY area, action")
			.query((rs, row) -> new Permission(rs.getString("area"), rs.getString("action")))
			.list();
	}

	static Set<String> actions(String commaSeparated) {
		if (commaSeparated == null || commaSeparated.isBlank()) {
			return Set.of();
		}
		return new HashSet<>(Arrays.asList(commaSeparated.split(",")));
	}

	static List<UUID> ids(List<PathStep> steps) {
		List<UUID> ids = new ArrayList<>(steps.size());
		for (PathStep step : steps) {
			ids.add(step.id());
		}
		return ids;
	}
}
