package io.gatehouse.resources;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.access.Binding;
import io.gatehouse.access.PrincipalType;
import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BindingStore {

	private static final String VIEW = """
			SELECT b.id, b.principal_type, b.principal_id, b.role_id, r.name AS role_name, b.resource_id,
			       res.type AS resource_type, res.name AS resource_name
			FROM access_binding b
			JOIN access_role r ON r.id = b.role_id
			JOIN access_resource res ON res.id = b.resource_id""";

	private final JdbcClient jdbc;

	BindingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static BindingView view(ResultSet rs, int row) throws SQLException {
		String resourceName = rs.getString("resource_name");
		String roleName = rs.getString("role_name");
		return new BindingView(rs.getObject("id", UUID.class), PrincipalType.valueOf(rs.getString("principal_type")),
				rs.getObject("principal_id", UUID.class), rs.getObject("role_id", UUID.class), roleName,
				rs.getObject("resource_id", UUID.class), rs.getString("resource_type"), resourceName,
				resourceName + ": " + roleName);
	}

	void insert(Binding binding, Instant at) {
		jdbc.sql("""
				INSERT INTO access_binding (id, principal_type, principal_id, role_id, resource_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(binding.id(), binding.principalType().name(), binding.principalId(), binding.roleId(),
					binding.resourceId(), Timestamps.of(at))
			.update();
	}

	Optional<Binding> find(UUID id) {
		return jdbc.sql("SELECT id, principal_type, principal_id, role_id, resource_id FROM access_binding WHERE id = ?")
			.param(id)
			.query((rs, row) -> new Binding(rs.getObject("id", UUID.class),
					PrincipalType.valueOf(rs.getString("principal_type")), rs.getObject("principal_id", UUID.class),
					rs.getObject("role_id", UUID.class), rs.getObject("resource_id", UUID.class)))
			.optional();
	}


	/** Removes every binding of the user's own (not those of their groups); how many there were. */
	int deleteOfUser(UUID userId) {
		return jdbc.sql("DELETE FROM access_binding WHERE principal_type = 'USER' AND principal_id = ?")
			.param(userId)
			.update();
	}

	void delete(UUID id) {
		jdbc.sql("DELETE FROM access_binding WHERE id = ?").param(id).update();
	}

	List<BindingView> at(UUID resourceId) {
		return jdbc.sql(VIEW + " WHERE b.resource_id = ? ORDER BY b.principal_type, b.principal_id, r.name")
			.param(resourceId)
			.query(BindingStore::view)
			.list();
	}

	/** Where the role is bound, by resource name; at most {@code limit}. */
	List<BindingView> ofRole(UUID roleId, int limit) {
		return jdbc.sql(VIEW + " WHERE b.role_id = :role ORDER BY res.name, b.principal_type, b.principal_id LIMIT :limit")
			.param("role", roleId)
			.param("limit", limit)
			.query(BindingStore::view)
			.list();
	}

	/** The user's own bindings and those of the groups the user is in. */
	List<BindingView> ofUser(UUID userId) {
		return jdbc.sql(VIEW + """
				 WHERE (b.principal_type = 'USER' AND b.principal_id = :user)
				    OR (b.principal_type = 'GROUP' AND b.principal_id IN
				        (SELECT m.group_id FROM access_group_member m WHERE m.user_id = :user))
				ORDER BY res.name, r.name""")
			.param("user", userId)
			.query(BindingStore::view)
			.list();
	}
}
