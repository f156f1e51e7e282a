package io.gatehouse.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import io.gatehouse.users.User;
import io.gatehouse.users.UserSource;
import io.gatehouse.users.UserStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SCIM's read side of the directory: the account row joined to what provisioning keeps, filtered by the SQL that
 * {@link ScimFilterSql} makes of a SCIM filter. It reads users_account directly, as a query view, because a SCIM filter
 * may combine the directory's columns with provisioning's, and only one SQL statement can do that without loading
 * users into memory; every write still goes through the users module.
 */
@Repository
class ProvisionedUserStore {

	private static final String FROM = """
			FROM users_account u LEFT JOIN provisioning_user_profile p ON p.user_id = u.id
			WHERE u.status <> 'DELETED'""";

	private static final String COLUMNS = """
			u.id, u.username, u.email, u.email_verified, u.first_name, u.last_name, u.display_name, u.department,
			u.time_zone, u.status, u.source, u.external_id, u.must_change_password, u.last_login_at, u.created_at,
			u.updated_at, u.version, p.user_name, p.employee_number, p.manager_id""";

	private final JdbcClient jdbc;

	ProvisionedUserStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ProvisionedUser> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " " + FROM + " AND u.id = ?")
			.param(id)
			.query(ProvisionedUserStore::map)
			.optional();
	}

	ProvisionedUserPage search(ScimFilterSql.Condition where, String orderBy, boolean descending, int offset,
			int limit) {
		String condition = where == null ? "" : " AND (" + where.sql() + ")";
		List<Object> params = where == null ? List.of() : where.params();
		long total = jdbc.sql("SELECT COUNT(*) " + FROM + condition).params(params).query(Long.class).single();
		if (limit == 0 || offset >= total) {
			return new ProvisionedUserPage(total, List.of());
		}
		String direction = descending ? " DESC" : " ASC";
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(limit);
		pageParams.add(offset);
		List<ProvisionedUser> users = jdbc
			.sql("SELECT " + COLUMNS + " " + FROM + condition + " ORDER BY " + orderBy + direction + ", u.id" + direction
					+ " LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(ProvisionedUserStore::map)
			.list();
		return new ProvisionedUserPage(total, users);
	}

	/** Whether a SCIM userName is taken, as a username or as a provisioned userName, case-insensitively. */
	boolean userNameTaken(String userName, UUID except) {
		String normalized = ScimFilterSql.normalize(userName);
		return jdbc.sql("""
				SELECT COUNT(*) FROM users_account u LEFT JOIN provisioning_user_profile p ON p.user_id = u.id
				WHERE u.status <> 'DELETED' AND (p.user_name_normalized = ? OR u.username_normalized = ?) AND u.id <> ?""")
			.params(normalized, normalized, except == null ? new UUID(0, 0) : except)
			.query(Long.class)
			.single() > 0;
	}

	void saveProfile(UUID userId, ProvisionedProfile profile) {
		jdbc.sql("DELETE FROM provisioning_user_profile WHERE user_id = ?").param(userId).update();
		if (!profile.isEmpty()) {
			jdbc.sql("""
					INSERT INTO provisioning_user_profile (user_id, user_name, user_name_normalized, employee_number,
					    manager_id) VALUES (?, ?, ?, ?, ?)""")
				.params(userId, profile.userName(), ScimFilterSql.normalize(profile.userName()), profile.employeeNumber(),
						profile.managerId())
				.update();
		}
	}

	void deleteProfile(UUID userId) {
		jdbc.sql("DELETE FROM provisioning_user_profile WHERE user_id = ?").param(userId).update();
	}

	private static ProvisionedUser map(ResultSet rs, int row) throws SQLException {
		User user = new User(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("email"),
				rs.getBoolean("email_verified"), rs.getString("first_name"), rs.getString("last_name"),
				rs.getString("display_name"), rs.getString("department"), rs.getString("time_zone"),
				UserStatus.valueOf(rs.getString("status")), UserSource.valueOf(rs.getString("source")),
				rs.getString("external_id"), rs.getBoolean("must_change_password"),
				Timestamps.read(rs, "last_login_at"), Timestamps.read(rs, "created_at"),
				Timestamps.read(rs, "updated_at"), rs.getLong("version"));
		ProvisionedProfile profile = new ProvisionedProfile(rs.getString("user_name"), rs.getString("employee_number"),
				rs.getString("manager_id"));
		return new ProvisionedUser(user, profile);
	}
}
