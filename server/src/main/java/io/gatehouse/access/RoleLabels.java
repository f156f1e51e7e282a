package io.gatehouse.access;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Role column of the users list (seed 001): each user's roles as {@code Workspace: Role}, direct and through
 * groups, read for a whole page of users in one query. The caller has already been allowed to read those users.
 */
@Service
@Transactional(readOnly = true)
public class RoleLabels {

	private final JdbcClient jdbc;

	RoleLabels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<UUID, List<String>> of(Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, java.util.Set<String>> labels = new HashMap<>();
		jdbc.sql("""
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
			.query((rs, row) -> labels.computeIfAbsent(rs.getObject("user_id", UUID.class), id -> new java.util.LinkedHashSet<>())
				.add(rs.getString("resource_name") + ": " + rs.getString("role_name")))
			.list();
		Map<UUID, List<String>> result = new LinkedHashMap<>();
		labels.forEach((user, set) -> result.put(user, List.copyOf(set)));
		return result;
	}
}
