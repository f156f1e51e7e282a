package io.gatehouse.auth;

import java.time.Instant;
import java.util.Optional;

import io.gatehouse.shared.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Brute-force counters. Every change is a compare-and-set on the version, so concurrent nodes never lose one. */
@Repository
class ThrottleStore {

	record Throttle(String key, int failures, Instant nextAttemptAt, Instant lockedUntil, Instant updatedAt,
			long version) {
	}

	private final JdbcClient jdbc;

	ThrottleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Throttle> find(String key) {
		return jdbc.sql("""
				SELECT throttle_key, failures, next_attempt_at, locked_until, updated_at, version
				FROM auth_throttle WHERE throttle_key = ?""")
			.param(key)
			.query((rs, row) -> new Throttle(rs.getString("throttle_key"), rs.getInt("failures"),
					Timestamps.read(rs, "next_attempt_at"), Timestamps.read(rs, "locked_until"),
					Timestamps.read(rs, "updated_at"), rs.getLong("version")))
			.optional();
	}

	/** False when another request inserted the row first. */
	boolean insert(String key, int failures, Instant nextAttemptAt, Instant now) {
		try {
			jdbc.sql("""
					INSERT INTO auth_throttle (throttle_key, failures, next_attempt_at, locked_until, updated_at, version)
					VALUES (?, ?, ?, NULL, ?, 1)""")
				.params(key, failures, Timestamps.of(nextAttemptAt), Timestamps.of(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Writes the new state only if nobody changed the row since {@code expectedVersion} was read. */
	boolean compareAndSet(String key, long expectedVersion, int failures, Instant nextAttemptAt, Instant lockedUntil,
			Instant now) {
		return jdbc.sql("""
				UPDATE auth_throttle SET failures = ?, next_attempt_at = ?, locked_until = ?, updated_at = ?,
				    version = version + 1
				WHERE throttle_key = ? AND version = ?""")
			.params(failures, Timestamps.of(nextAttemptAt), Timestamps.of(lockedUntil), Timestamps.of(now), key,
					expectedVersion)
			.update() == 1;
	}

	/** Gives back one reserved attempt that turned out not to be a failure. */
	void release(String key) {
		jdbc.sql("UPDATE auth_throttle SET failures = failures - 1, version = version + 1 WHERE throttle_key = ? AND failures > 0")
			.param(key)
			.update();
	}

	boolean delete(String key) {
		return jdbc.sql("DELETE FROM auth_throttle WHERE throttle_key = ?").param(key).update() == 1;
	}

	int deleteForgotten(Instant lockedBefore, Instant updatedBefore) {
		return jdbc.sql("""
				DELETE FROM auth_throttle
				WHERE (locked_until IS NOT NULL AND locked_until < ?) OR (locked_until IS NULL AND updated_at < ?)""")
			.params(Timestamps.of(lockedBefore), Timestamps.of(updatedBefore))
			.update();
	}
}
