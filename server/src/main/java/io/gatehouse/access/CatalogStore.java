package io.gatehouse.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	/** Every permission the catalog declares. */
	List<Permission> permissions() {
		return jdbc.sql("SELECT area, action FROM access_area_action ORDER BY area, action")
			.query((rs, row) -> new Permission(rs.getString("area"), rs.getString("action")))
			.list();
	}
}
