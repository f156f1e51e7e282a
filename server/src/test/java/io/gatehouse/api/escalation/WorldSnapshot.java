package io.gatehouse.api.escalation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AccessPolicy;
import io.gatehouse.access.AccessProbe;
import io.gatehouse.shared.Actor;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A world's people as they stand: for each user, what they can do (as if active) and everything about their account
 * that an operation on them could change; and which tokens exist. Taken before and after every request.
 */
final class WorldSnapshot {

	/** What each user can do, as {@code permission@resource}, read as if active. */
	final Map<UUID, Set<String>> capabilities = new HashMap<>();

	/** Everything else about each user's account, column by column. */
	final Map<UUID, Map<String, Object>> accounts = new HashMap<>();

	/** Every token of the world's users, with its user. */
	final Map<UUID, UUID> tokens = new HashMap<>();

	/** The resources of the world that exist. */
	final Set<UUID> resources = new HashSet<>();

	private WorldSnapshot() {
	}

	/** Read again when a read loses a race in the database (at SERIALIZABLE even a lone read can be cancelled). */
	static WorldSnapshot take(EscalationWorld world, Set<UUID> alsoUsers, List<UUID> universe, List<String> permissions,
			JdbcClient jdbc, AccessPolicy policy, AccessControl access) {
		for (int attempt = 1;; attempt++) {
			try {
				return takeOnce(world, alsoUsers, universe, permissions, jdbc, policy, access);
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == 10) {
					throw ex;
				}
			}
		}
	}

	private static WorldSnapshot takeOnce(EscalationWorld world, Set<UUID> alsoUsers, List<UUID> universe,
			List<String> permissions, JdbcClient jdbc, AccessPolicy policy, AccessControl access) {
		WorldSnapshot snapshot = new WorldSnapshot();
		Set<UUID> users = new HashSet<>(alsoUsers);
		users.addAll(world.users.values());
		users.addAll(jdbc.sql("SELECT id FROM users_account WHERE email_normalized LIKE ?")
			.param(world.prefix + "-%")
			.query(UUID.class)
			.list());
		snapshot.resources.addAll(jdbc.sql("SELECT id FROM access_resource WHERE id IN (:resources)")
			.param("resources", universe)
			.query(UUID.class)
			.list());
		for (UUID user : users) {
			snapshot.capabilities.put(user, AccessProbe.capabilities(policy,
					access.subjectOf(new Actor(user, null, null, null, null)), universe, permissions));
			snapshot.accounts.put(user, new TreeMap<>());
		}
		snapshot.readAccounts(jdbc, users);
		jdbc.sql("SELECT id, user_id FROM tokens_personal WHERE user_id IN (:users)")
			.param("users", users)
			.query((rs, row) -> snapshot.tokens.put(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class)))
			.list();
		return snapshot;
	}

	Set<UUID> users() {
		return accounts.keySet();
	}

	private void readAccounts(JdbcClient jdbc, Set<UUID> users) {
		jdbc.sql("""
				SELECT id, status, email_normalized, password_hash, must_change_password, first_name, last_name,
				    display_name, department, time_zone
				FROM users_account WHERE id IN (:users)""")
			.param("users", users)
			.query((rs, row) -> {
				Map<String, Object> account = accounts.get(rs.getObject("id", UUID.class));
				for (String column : List.of("status", "email_normalized", "password_hash", "must_change_password",
						"first_name", "last_name", "display_name", "department", "time_zone")) {
					account.put(column, rs.getObject(column));
				}
				return null;
			})
			.list();
		collect(jdbc, "totp", "SELECT user_id, confirmed_at IS NOT NULL AS v FROM mfa_totp WHERE user_id IN (:users)",
				users);
		collect(jdbc, "recovery-codes",
				"SELECT user_id, code_hash AS v FROM mfa_recovery_code WHERE used_at IS NULL AND user_id IN (:users)",
				users);
		collect(jdbc, "allowlist", "SELECT user_id, rule_text AS v FROM allowlist_rule WHERE user_id IN (:users)",
				users);
		collect(jdbc, "sessions", "SELECT user_id, id AS v FROM auth_session WHERE user_id IN (:users)", users);
		collect(jdbc, "tokens", "SELECT user_id, id AS v FROM tokens_personal WHERE user_id IN (:users)", users);
		collect(jdbc, "bindings", """
				SELECT principal_id AS user_id, CAST(role_id AS VARCHAR(36)) || '@' || CAST(resource_id AS VARCHAR(36)) AS v
				FROM access_binding
				WHERE principal_type = 'USER' AND principal_id IN (:users)""", users);
		collect(jdbc, "groups", "SELECT user_id, group_id AS v FROM access_group_member WHERE user_id IN (:users)",
				users);
		collect(jdbc, "restriction",
				"SELECT user_id, resource_id AS v FROM access_restriction WHERE user_id IN (:users)", users);
		collect(jdbc, "owns", "SELECT owner_id AS user_id, id AS v FROM access_resource WHERE owner_id IN (:users)",
				users);
		List<String> keys = users.stream().map(user -> "account:" + user).toList();
		// a lock only: anyone may fail to sign in as anyone, and each failure counts against the account
		jdbc.sql("SELECT throttle_key FROM auth_throttle WHERE locked_until IS NOT NULL AND throttle_key IN (:keys)")
			.param("keys", keys)
			.query((rs, row) -> accounts.get(UUID.fromString(rs.getString("throttle_key").substring(8)))
				.put("sign-in-lock", "locked"))
			.list();
	}

	@SuppressWarnings("unchecked")
	private void collect(JdbcClient jdbc, String name, String sql, Set<UUID> users) {
		jdbc.sql(sql).param("users", users).query((rs, row) -> {
			Map<String, Object> account = accounts.get(rs.getObject("user_id", UUID.class));
			((Set<String>) account.computeIfAbsent(name, key -> new java.util.TreeSet<String>()))
				.add(String.valueOf(rs.getObject("v")));
			return null;
		}).list();
	}

	/** What a grant may add to an account: a role, a group, a resource it owns. Only their removal is a change. */
	private static final Set<String> GRANTS = Set.of("bindings", "groups", "owns");

	/**
	 * The account's fields that differ between the two snapshots, ignoring the named token (the one in use) and
	 * what was only added by a grant.
	 */
	static List<String> changes(Map<String, Object> before, Map<String, Object> after, UUID ignoredToken) {
		List<String> changed = new ArrayList<>();
		Set<String> fields = new HashSet<>(before.keySet());
		fields.addAll(after.keySet());
		for (String field : fields) {
			Object was = without(before.get(field), ignoredToken);
			Object is = without(after.get(field), ignoredToken);
			boolean onlyAdded = GRANTS.contains(field) && (was == null
					|| (is instanceof Set<?> now && was instanceof Set<?> then && now.containsAll(then)));
			if (!onlyAdded && (was == null ? is != null : !was.equals(is))) {
				changed.add(field + ": " + was + " -> " + is);
			}
		}
		return changed;
	}

	@SuppressWarnings("unchecked")
	private static Object without(Object value, UUID token) {
		if (token != null && value instanceof Set<?> set && set.contains(token.toString())) {
			Set<String> rest = new java.util.TreeSet<>((Set<String>) set);
			rest.remove(token.toString());
			return rest.isEmpty() ? null : rest;
		}
		return value;
	}
}
