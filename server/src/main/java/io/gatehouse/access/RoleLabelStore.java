package io.gatehouse.access;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads behind {@link RoleLabels}: for a page of users at once, what gives each of them access. */
@Repository
class RoleLabelStore {

	/** One role a user holds at a resource, directly or through a group. */
	record HeldRole(UUID userId, String resourceName, String roleName) {
	}

	/** A group's permission profile that applies to a member, at the root resource. */
	record HeldProfile(UUID userId, String rootName, String groupName) {
	}

	private final JdbcClient jdbc;

	RoleLabelStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<HeldRole> roles(Collection<UUID> userIds) {
		return jdbc.sql("""
				SELECT x.user_id, res.name AS resource_name, r.name AS role_name FROM (
				    SELECT b.principal_id AS user_id, b.role_id, b.resource_id FROM access_binding b
				    WHERE b.principal_type = 'USER' AND b.principal_id IN (:users)
				    UNION
				    SELECT m.user_id, b.role_id, b.resource_id FROM access_group_member m
				    JOIN access_binding b ON b.principal_type = 'GROUP' AND b.principal_id = m.group_id
				    WHERE m.user_id IN (:users)) x
				JOIN access_role r ON r.id = x.role_id
				JOIN access_resource res ON res.id = x.resource_id
				ORDER BY res.name, r.name""")
			.paramSource(new MapSqlParameterSource("users", userIds))
			.query((rs, row) -> new HeldRole(rs.getObject("user_id", UUID.class), rs.getString("resource_name"),
					rs.getString("role_name")))
			.list();
	}

	List<HeldProfile> profiles(Collection<UUID> userIds) {
		return jdbc.sql("""
				SELECT m.user_id, root.name AS root_name, g.name AS group_name FROM access_group_member m
				JOIN access_group g ON g.id = m.group_id
				JOIN access_resource root ON root.id = :root
				WHERE m.user_id IN (:users) AND g.profile_actions IS NOT NULL
				ORDER BY g.name_normalized""")
			.paramSource(new MapSqlParameterSource("users", userIds).addValue("root", Resources.INSTANCE))
			.query((rs, row) -> new HeldProfile(rs.getObject("user_id", UUID.class), rs.getString("root_name"),
					rs.getString("group_name")))
			.list();
	}
}
