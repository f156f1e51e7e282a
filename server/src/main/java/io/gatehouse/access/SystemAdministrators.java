package io.gatehouse.access;

import java.time.Clock;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SystemAdministrators {

	private final JdbcClient jdbc;

	private final Clock clock;

	SystemAdministrators(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean contains(UUID userId) {
		return jdbc.sql("SELECT COUNT(*) FROM access_system_admin WHERE user_id = ?")
			.param(userId)
			.query(Integer.class)
			.single() > 0;
	}

	void add(UUID userId) {
		jdbc.sql("INSERT INTO access_system_admin (user_id, granted_at) VALUES (?, ?)")
			.params(userId, Timestamps.of(clock.instant()))
			.update();
	}
}
