package io.gatehouse.roles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.access.PermissionPattern;
import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RoleStore {

	private static final String COLUMNS = "id, name, description, built_in, defined_at";

	record RoleRow(UUID id, String name, String description, boolean builtIn, UUID definedAt) {
	}

	private final JdbcClient jdbc;

	RoleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static RoleRow map(ResultSet rs, int row) throws SQLException {
		return new RoleRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				rs.getBoolean("built_in"), rs.getObject("defined_at", UUID.class));
	}

	List<RoleRow> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM access_role ORDER BY built_in DESC, name").query(RoleStore::map)
			.list();
	}

	Optional<RoleRow> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM access_role WHERE id = ?").param(id).query(RoleStore::map)
			.optional();
	}

	/** Inserts a custom role; a duplicate name in the same scope fails on the unique key. */
	void insert(UUID id, String name, String description, UUID definedAt, Instant now) {
		jdbc.sql("""
				INSERT INTO access_role (id, name, name_normalized, description, built_in, defined_at, scope_key,
				    created_at, updated_at, version)
				VALUES (?, ?, ?, ?, FALSE, ?, ?, ?, ?, 1)""")
			.params(id, name, name.toLowerCase(Locale.ROOT), description, definedAt,
					definedAt == null ? "instance" : definedAt.toString(), Timestamps.of(now), Timestamps.of(now))
			.update();
	}

	void update(UUID id, String name, String description, Instant now) {
		jdbc.sql("""
				UPDATE access_role SET name = ?, name_normalized = ?, description = ?, updated_at = ?,
				    version = version + 1 WHERE id = ?""")
			.params(name, name.toLowerCase(Locale.ROOT), description, Timestamps.of(now), id)
			.update();
	}

	void replacePatterns(UUID id, Set<PermissionPattern> patterns) {
		jdbc.sql("DELETE FROM access_role_permission WHERE role_id = ?").param(id).update();
		for (PermissionPattern pattern : patterns) {
			jdbc.sql("INSERT INTO access_role_permission (role_id, permission) VALUES (?, ?)")
				.params(id, pattern.area() + ":" + pattern.action())
				.update();
		}
	}

	void delete(UUID id) {
		jdbc.sql("DELETE FROM access_role WHERE id = ?").param(id).update();
	}
}
