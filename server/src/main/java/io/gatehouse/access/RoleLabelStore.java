package io.gatehouse.access;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read behind {@link RoleLabels}: for a page of users at once, in one query, what gives each of them access. */
@Repository
class RoleLabelStore {

	/**
	 * One thing that gives a user access: a role at a resource (directly or through a group), or a group's permission
	 * profile, which applies at the root.
	 *
	 * @param place the resource's name, or the root's for a profile
	 * @param name the role's name, or the group's for a profile
	 * @param resourceId the resource's id, or the root's for a profile
	 */
	record Held(UUID userId, boolean profile, String place, String name, UUID resourceId) {
	}

	private final JdbcClient jdbc;

	RoleLabelStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Roles first, by resource and role name, then profiles by group name. */
	List<Held> of(Collection<UUID> userIds) {
		return jdbc.sql("""
				SELECT y.user_id, y.kind, y.place, y.name, y.resource_id FROM (
				    SELECT x.user_id, 0 AS kind, res.name AS place, r.name AS name, res.id AS resource_id FROM (
				        SELECT b.principal_id AS user_id, b.role_id, b.resource_id FROM access_binding b
				        WHERE b.principal_type = 'USER' AND b.principal_id IN (:users)
				        UNION
				        SELECT m.user_id, b.role_id, b.resource_id FROM access_group_member m
				        JOIN access_binding b ON b.principal_type = 'GROUP' AND b.principal_id = m.group_id
				        WHERE m.user_id IN (:users)) x
				    JOIN access_role r ON r.id = x.role_id
				    JOIN access_resource res ON res.id = x.resource_id
				    UNION ALL
				    SELECT m.user_id, 1 AS kind, root.name AS place, g.name AS name, root.id AS resource_id
				    FROM access_group_member m
				    JOIN access_group g ON g.id = m.group_id
				    JOIN access_resource root ON root.id = :root
				    WHERE m.user_id IN (:users) AND g.profile_actions IS NOT NULL) y
				ORDER BY y.kind, y.place, y.name""")
			.paramSource(new MapSqlParameterSource("users", userIds).addValue("root", Resources.INSTANCE))
			.query((rs, row) -> new Held(rs.getObject("user_id", UUID.class), rs.getInt("kind") == 1,
					rs.getString("place"), rs.getString("name"), rs.getObject("resource_id", UUID.class)))
			.list();
	}
}
