package io.gatehouse.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SCIM's read side of groups: which group ids match a filter, in SQL (see {@link ProvisionedUserStore} for why it
 * reads another module's table); the groups themselves are then read through the groups module.
 */
@Repository
class ProvisionedGroupStore {

	private final JdbcClient jdbc;

	ProvisionedGroupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count(ScimFilterSql.Condition where) {
		return jdbc.sql("SELECT COUNT(*) FROM access_group g" + where(where)).params(params(where)).query(Long.class).single();
	}

	List<UUID> ids(ScimFilterSql.Condition where, String orderBy, boolean descending, int offset, int limit) {
		String direction = descending ? " DESC" : " ASC";
		List<Object> params = new ArrayList<>(params(where));
		params.add(limit);
		params.add(offset);
		return jdbc.sql("SELECT g.id FROM access_group g" + where(where) + " ORDER BY " + orderBy + direction + ", g.id"
				+ direction + " LIMIT ? OFFSET ?").params(params).query(UUID.class).list();
	}

	private static String where(ScimFilterSql.Condition where) {
		return where == null ? "" : " WHERE " + where.sql();
	}

	private static List<Object> params(ScimFilterSql.Condition where) {
		return where == null ? List.of() : where.params();
	}
}
