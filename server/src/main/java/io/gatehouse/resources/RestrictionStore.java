package io.gatehouse.resources;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RestrictionStore {

	private final JdbcClient jdbc;

	RestrictionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UUID> of(UUID userId) {
		return jdbc.sql("SELECT resource_id FROM access_restriction WHERE user_id = ?").param(userId).query(UUID.class)
			.optional();
	}

	/** Replaces the user's restriction; a concurrent replacement fails on the primary key. */
	void set(UUID userId, UUID resourceId) {
		remove(userId);
		jdbc.sql("INSERT INTO access_restriction (user_id, resource_id) VALUES (?, ?)").params(userId, resourceId)
			.update();
	}

	boolean remove(UUID userId) {
		return jdbc.sql("DELETE FROM access_restriction WHERE user_id = ?").param(userId).update() > 0;
	}
}
