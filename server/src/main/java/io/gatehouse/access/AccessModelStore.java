package io.gatehouse.access;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-row reads of the access model that the modules writing it need, without loading whole tables. */
@Repository
class AccessModelStore {

	private final JdbcClient jdbc;

	AccessModelStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> resourceType(UUID resourceId) {
		return jdbc.sql("SELECT type FROM access_resource WHERE id = ?").param(resourceId).query(String.class)
			.optional();
	}

	List<UUID> ownedBy(UUID userId) {
		return jdbc.sql("SELECT id FROM access_resource WHERE owner_id = ? ORDER BY name, id")
			.param(userId)
			.query(UUID.class)
			.list();
	}

	List<Binding> bindingsOf(PrincipalType type, UUID principalId) {
		return jdbc.sql("""
				SELECT id, principal_type, principal_id, role_id, resource_id FROM access_binding
				WHERE principal_type = ? AND principal_id = ?""")
			.params(type.name(), principalId)
			.query(AccessGraphStore::binding)
			.list();
	}

	List<UUID> resourcesBinding(UUID roleId) {
		return jdbc.sql("SELECT DISTINCT resource_id FROM access_binding WHERE role_id = ?")
			.param(roleId)
			.query(UUID.class)
			.list();
	}

	int timesBound(UUID roleId) {
		return jdbc.sql("SELECT COUNT(*) FROM access_binding WHERE role_id = ?").param(roleId).query(Integer.class)
			.single();
	}

	boolean groupExists(UUID groupId) {
		return jdbc.sql("SELECT COUNT(*) FROM access_group WHERE id = ?").param(groupId).query(Integer.class)
			.single() > 0;
	}

	/** A custom role with its permission patterns; empty for built-in and unknown ids. */
	Optional<RoleDefinition> customRole(UUID roleId) {
		Set<PermissionPattern> patterns = new HashSet<>(
				jdbc.sql("SELECT permission FROM access_role_permission WHERE role_id = ?")
					.param(roleId)
					.query((rs, row) -> PermissionPattern.parse(rs.getString("permission")))
					.list());
		return jdbc.sql("SELECT id, name, defined_at FROM access_role WHERE id = ? AND built_in = FALSE")
			.param(roleId)
			.query((rs, row) -> new RoleDefinition(rs.getObject("id", UUID.class), rs.getString("name"), false,
					patterns, rs.getObject("defined_at", UUID.class)))
			.optional();
	}
}
