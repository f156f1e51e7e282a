package io.gatehouse.cache;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import javax.sql.DataSource;

import io.gatehouse.database.DatabaseKind;
import io.gatehouse.database.DatabaseOutage;
import io.gatehouse.shared.Timestamps;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The change table, {@code cache_change}: a version per area, summed over the area's slots. */
@Repository
class ChangeStore {

	private final JdbcClient jdbc;

	// the poll runs on the scheduler's thread: a database that stops answering must not hold it for long
	private final JdbcClient poll;

	private final JdbcTemplate pollTemplate;

	ChangeStore(DataSource dataSource, CacheSettings settings) {
		this.jdbc = JdbcClient.create(dataSource);
		this.pollTemplate = new JdbcTemplate(dataSource);
		pollTemplate.setQueryTimeout((int) Math.max(1, settings.pollInterval().toSeconds() * 2));
		this.poll = JdbcClient.create(pollTemplate);
	}

	// when each area last moved, as read by the last poll: in the same statement as the versions, so a poll stays one
	private volatile Map<ChangeArea, Instant> changedAt = Map.of();

	/**
	 * Whether the database's transactions read from a snapshot each (REPEATABLE READ or SERIALIZABLE by default on
	 * its connections) rather than one per statement. PostgreSQL is asked; H2 has no such setting (and would write
	 * the failed question to its trace file at every start).
	 */
	boolean snapshotPerTransaction() {
		try {
			boolean postgres = Boolean.TRUE.equals(pollTemplate.execute((ConnectionCallback<Boolean>) DatabaseKind::isPostgres));
			if (!postgres) {
				return false;
			}
			String level = poll.sql("SELECT current_setting('default_transaction_isolation')").query(String.class)
				.single();
			return level.equalsIgnoreCase("serializable") || level.equalsIgnoreCase("repeatable read");
		}
		catch (DataAccessException ex) {
			if (DatabaseOutage.isCause(ex)) {
				throw ex;
			}
			return false;
		}
	}

	/** Every area's version, in one statement. */
	Map<ChangeArea, Long> versions() {
		Map<ChangeArea, Long> versions = new EnumMap<>(ChangeArea.class);
		Map<ChangeArea, Instant> times = new EnumMap<>(ChangeArea.class);
		poll.sql("SELECT area, SUM(version) AS version, MAX(changed_at) AS changed_at FROM cache_change GROUP BY area")
			.query(rs -> {
				ChangeArea area = ChangeArea.of(rs.getString("area"));
				if (area != null) {
					versions.put(area, rs.getLong("version"));
					Instant at = Timestamps.read(rs, "changed_at");
					if (at != null) {
						times.put(area, at);
					}
				}
			});
		changedAt = times;
		return versions;
	}

	/** When {@code area} last moved, as the last {@link #versions()} read it; null if never since the column came. */
	Instant changedAt(ChangeArea area) {
		return changedAt.get(area);
	}

	long version(ChangeArea area) {
		return jdbc.sql("SELECT SUM(version) FROM cache_change WHERE area = ?")
			.param(area.key())
			.query(Long.class)
			.single();
	}

	/** Bumps one slot of the area: the slot follows the thread, so parallel writers seldom wait for each other. */
	@SuppressWarnings("deprecation") // Thread.threadId() needs Java 19; getId() is the same number
	void bump(ChangeArea area) {
		jdbc.sql("UPDATE cache_change SET version = version + 1, changed_at = ? WHERE area = ? AND slot = ?")
			.params(Timestamps.of(Instant.now()), area.key(),
					1 + (int) Math.floorMod(Thread.currentThread().getId(), (long) area.slots()))
			.update();
	}
}
