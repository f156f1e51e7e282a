package io.gatehouse.roles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.gatehouse.access.Permission;
import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CatalogStore {

	private final JdbcClient jdbc;

	CatalogStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Area> areas() {
		Map<String, List<String>> actions = new LinkedHashMap<>();
		jdbc.sql("SELECT area, action FROM access_area_action ORDER BY area, action")
			.query((rs, row) -> actions.computeIfAbsent(rs.getString("area"), a -> new ArrayList<>())
				.add(rs.getString("action")))
			.list();
		return jdbc.sql("SELECT name, description, administrative, built_in FROM access_area ORDER BY name")
			.query((rs, row) -> new Area(rs.getString("name"), rs.getString("description"),
					rs.getBoolean("administrative"), rs.getBoolean("built_in"),
					List.copyOf(actions.getOrDefault(rs.getString("name"), List.of()))))
			.list();
	}

	Optional<Area> area(String name) {
		List<String> actions = jdbc.sql("SELECT action FROM access_area_action WHERE area = ? ORDER BY action")
			.param(name)
			.query(String.class)
			.list();
		return jdbc.sql("SELECT name, description, administrative, built_in FROM access_area WHERE name = ?")
			.param(name)
			.query((rs, row) -> new Area(rs.getString("name"), rs.getString("description"),
					rs.getBoolean("administrative"), rs.getBoolean("built_in"), List.copyOf(actions)))
			.optional();
	}

	/** Every permission the catalog declares. */
	List<Permission> permissions() {
		return jdbc.sql("SELECT area, action FROM access_area_action ORDER BY area, action")
			.query((rs, row) -> new Permission(rs.getString("area"), rs.getString("action")))
			.list();
	}

	void insertArea(String name, String description, boolean administrative, Instant now) {
		jdbc.sql("""
				INSERT INTO access_area (name, description, administrative, built_in, created_at)
				VALUES (?, ?, ?, FALSE, ?)""")
			.params(name, description, administrative, Timestamps.of(now))
			.update();
	}

	void updateArea(String name, String description) {
		jdbc.sql("UPDATE access_area SET description = ? WHERE name = ?").params(description, name).update();
	}

	void replaceActions(String area, Set<String> actions) {
		jdbc.sql("DELETE FROM access_area_action WHERE area = ?").param(area).update();
		for (String action : actions) {
			jdbc.sql("INSERT INTO access_area_action (area, action) VALUES (?, ?)").params(area, action).update();
		}
	}

	void deleteArea(String name) {
		jdbc.sql("DELETE FROM access_area WHERE name = ?").param(name).update();
	}

	/** How many custom roles grant a permission matching the LIKE pattern. */
	int rolesGranting(String permissionLike) {
		return jdbc.sql("SELECT COUNT(*) FROM access_role_permission WHERE permission LIKE ?")
			.param(permissionLike)
			.query(Integer.class)
			.single();
	}

	/** The stored action lists of the group profiles' entries for the area. */
	List<String> profileActions(String area) {
		return jdbc.sql("SELECT actions FROM access_group_grant WHERE area = ?").param(area).query(String.class).list();
	}

	List<ResourceType> resourceTypes() {
		return jdbc.sql("SELECT name, description, built_in FROM access_resource_type ORDER BY built_in DESC, name")
			.query((rs, row) -> new ResourceType(rs.getString("name"), rs.getString("description"),
					rs.getBoolean("built_in")))
			.list();
	}

	Optional<ResourceType> resourceType(String name) {
		return jdbc.sql("SELECT name, description, built_in FROM access_resource_type WHERE name = ?")
			.param(name)
			.query((rs, row) -> new ResourceType(rs.getString("name"), rs.getString("description"),
					rs.getBoolean("built_in")))
			.optional();
	}

	void insertResourceType(String name, String description, Instant now) {
		jdbc.sql("INSERT INTO access_resource_type (name, description, built_in, created_at) VALUES (?, ?, FALSE, ?)")
			.params(name, description, Timestamps.of(now))
			.update();
	}

	int resourcesOfType(String name) {
		return jdbc.sql("SELECT COUNT(*) FROM access_resource WHERE type = ?").param(name).query(Integer.class)
			.single();
	}

	void deleteResourceType(String name) {
		jdbc.sql("DELETE FROM access_resource_type WHERE name = ?").param(name).update();
	}
}
