package io.gatehouse.settings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.cache.ChangeArea;
import io.gatehouse.cache.SharedCaches;
import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The changed settings ({@code settings_value}) and their version: the settings area of the change table, which every
 * change moves by one and every node polls.
 */
@Repository
class SettingsStore {

	private final JdbcClient jdbc;

	private final SharedCaches caches;

	SettingsStore(JdbcClient jdbc, SharedCaches caches) {
		this.jdbc = jdbc;
		this.caches = caches;
	}

	long version() {
		return caches.version(ChangeArea.SETTINGS);
	}

	/** The changed values by setting name, read with the version they belong to. */
	Stored read() {
		long version = version();
		Map<String, String> values = new LinkedHashMap<>();
		jdbc.sql("SELECT name, setting_value FROM settings_value ORDER BY name")
			.query(rs -> {
				values.put(rs.getString("name"), rs.getString("setting_value"));
			});
		return new Stored(version, values);
	}

	/**
	 * Moves the version on by one, only from {@code expected} when given; the row lock also queues concurrent
	 * changes, so each reads what the one before wrote. Returns the new version, or -1 when it moved meanwhile.
	 */
	long bump(Long expected) {
		caches.bumpNow(ChangeArea.SETTINGS);
		// the area has one row, locked until this transaction ends: one more than expected means nobody came between
		long version = version();
		return expected == null || version == expected + 1 ? version : -1;
	}

	void put(String name, String value, Instant now, UUID by) {
		jdbc.sql("DELETE FROM settings_value WHERE name = ?").param(name).update();
		jdbc.sql("INSERT INTO settings_value (name, setting_value, updated_at, updated_by) VALUES (?, ?, ?, ?)")
			.params(name, value, Timestamps.of(now), by)
			.update();
	}

	void remove(String name) {
		jdbc.sql("DELETE FROM settings_value WHERE name = ?").param(name).update();
	}

	record Stored(long version, Map<String, String> values) {
	}
}
