package io.gatehouse.resources;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ResourceStore {

	private static final String COLUMNS = "id, type, name, parent_id, owner_id, external_id, created_at, updated_at, version";

	private final JdbcClient jdbc;

	ResourceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Resource map(ResultSet rs, int row) throws SQLException {
		return new Resource(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("name"),
				rs.getObject("parent_id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("external_id"),
				Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"), rs.getLong("version"));
	}

	Optional<Resource> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM access_resource WHERE id = ?").param(id).query(ResourceStore::map)
			.optional();
	}

	List<Resource> children(UUID parentId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM access_resource WHERE parent_id = ? ORDER BY name, id")
			.param(parentId)
			.query(ResourceStore::map)
			.list();
	}

	List<Resource> ownedBy(UUID userId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM access_resource WHERE owner_id = ? ORDER BY name, id")
			.param(userId)
			.query(ResourceStore::map)
			.list();
	}


	void insert(Resource resource) {
		jdbc.sql("INSERT INTO access_resource (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(resource.id(), resource.type(), resource.name(), resource.parentId(), resource.ownerId(),
					resource.externalId(), Timestamps.of(resource.createdAt()), Timestamps.of(resource.updatedAt()),
					resource.version())
			.update();
	}

	boolean update(Resource resource, long expectedVersion) {
		return jdbc.sql("""
				UPDATE access_resource SET name = ?, parent_id = ?, owner_id = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(resource.name(), resource.parentId(), resource.ownerId(), Timestamps.of(resource.updatedAt()),
					resource.id(), expectedVersion)
			.update() == 1;
	}

	void delete(UUID id) {
		jdbc.sql("DELETE FROM access_binding WHERE resource_id = ?").param(id).update();
		jdbc.sql("DELETE FROM access_resource WHERE id = ?").param(id).update();
	}
}
