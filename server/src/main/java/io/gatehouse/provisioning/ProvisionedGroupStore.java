package io.gatehouse.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SCIM's side of groups: which group ids match a filter, in SQL (see {@link ProvisionedUserStore} for why it reads
 * another module's table), and the externalId a client gave a group; the groups themselves are read and written
 * through the groups module.
 */
@Repository
class ProvisionedGroupStore {

	private final JdbcClient jdbc;

	ProvisionedGroupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String FROM = " FROM access_group g LEFT JOIN provisioning_group_profile gp ON gp.group_id = g.id";

	long count(ScimFilterSql.Condition where) {
		return jdbc.sql("SELECT COUNT(*)" + FROM + where(where)).params(params(where)).query(Long.class).single();
	}

	List<UUID> ids(ScimFilterSql.Condition where, String orderBy, boolean descending, int offset, int limit) {
		String direction = descending ? " DESC" : " ASC";
		List<Object> params = new ArrayList<>(params(where));
		params.add(limit);
		params.add(offset);
		return jdbc.sql("SELECT g.id" + FROM + where(where) + " ORDER BY " + orderBy + direction + ", g.id"
				+ direction + " LIMIT ? OFFSET ?").params(params).query(UUID.class).list();
	}

	Optional<String> externalId(UUID groupId) {
		return jdbc.sql("SELECT external_id FROM provisioning_group_profile WHERE group_id = ?")
			.param(groupId)
			.query(String.class)
			.optional();
	}

	/** Null removes it. */
	void saveExternalId(UUID groupId, String externalId) {
		jdbc.sql("DELETE FROM provisioning_group_profile WHERE group_id = ?").param(groupId).update();
		if (externalId != null) {
			jdbc.sql("INSERT INTO provisioning_group_profile (group_id, external_id) VALUES (?, ?)")
				.params(groupId, externalId)
				.update();
		}
	}

	private static String where(ScimFilterSql.Condition where) {
		return where == null ? "" : " WHERE " + where.sql();
	}

	private static List<Object> params(ScimFilterSql.Condition where) {
		return where == null ? List.of() : where.params();
	}
}
