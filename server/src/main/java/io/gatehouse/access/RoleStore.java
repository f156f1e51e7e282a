package io.gatehouse.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RoleStore {

	record RoleRow(UUID id, String name, String description, boolean builtIn, UUID definedAt) {
	}

	private final JdbcClient jdbc;

	RoleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<RoleRow> all() {
		return jdbc.sql("SELECT id, name, description, built_in, defined_at FROM access_role ORDER BY built_in DESC, name")
			.query((rs, row) -> new RoleRow(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("description"), rs.getBoolean("built_in"), rs.getObject("defined_at", UUID.class)))
			.list();
	}

	Optional<RoleRow> find(UUID id) {
		return all().stream().filter(role -> role.id().equals(id)).findFirst();
	}
}
