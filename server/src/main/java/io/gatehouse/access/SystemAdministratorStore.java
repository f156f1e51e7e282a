package io.gatehouse.access;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** System Administrators: users bound to the built-in System Administrator role at the instance. */
@Repository
class SystemAdministratorStore {

	static final UUID INSTANCE = Resources.INSTANCE;

	private final JdbcClient jdbc;

	private final Clock clock;

	SystemAdministratorStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean contains(UUID userId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM access_binding
				WHERE principal_type = 'USER' AND principal_id = ? AND role_id = ? AND resource_id = ?""")
			.params(userId, BuiltInRoles.SYSTEM_ADMINISTRATOR, INSTANCE)
			.query(Integer.class)
			.single() > 0;
	}

	/** Every System Administrator, with their bindings locked until the transaction ends. */
	List<UUID> lockAll() {
		return jdbc.sql("""
				SELECT principal_id FROM access_binding
				WHERE principal_type = 'USER' AND role_id = ? AND resource_id = ? FOR UPDATE""")
			.params(BuiltInRoles.SYSTEM_ADMINISTRATOR, INSTANCE)
			.query(UUID.class)
			.list();
	}

	void add(UUID userId) {
		jdbc.sql("""
				INSERT INTO access_binding (id, principal_type, principal_id, role_id, resource_id, created_at)
				VALUES (?, 'USER', ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), userId, BuiltInRoles.SYSTEM_ADMINISTRATOR, INSTANCE, Timestamps.of(clock.instant()))
			.update();
	}

	/** Whether the instance has any System Administrator at all. */
	boolean any() {
		return !jdbc.sql("""
				SELECT principal_id FROM access_binding
				WHERE principal_type = 'USER' AND role_id = ? AND resource_id = ?
				FETCH FIRST 1 ROWS ONLY""")
			.params(BuiltInRoles.SYSTEM_ADMINISTRATOR, INSTANCE)
			.query(UUID.class)
			.list()
			.isEmpty();
	}
}
