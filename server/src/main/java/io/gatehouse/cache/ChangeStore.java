package io.gatehouse.cache;

import java.util.EnumMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The change table, {@code cache_change}: a version per area, summed over the area's slots. */
@Repository
class ChangeStore {

	private final JdbcClient jdbc;

	// the poll runs on the scheduler's thread: a database that stops answering must not hold it for long
	private final JdbcClient poll;

	ChangeStore(DataSource dataSource, CacheSettings settings) {
		this.jdbc = JdbcClient.create(dataSource);
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout((int) Math.max(1, settings.pollInterval().toSeconds() * 2));
		this.poll = JdbcClient.create(template);
	}

	/** Every area's version, in one statement. */
	Map<ChangeArea, Long> versions() {
		Map<ChangeArea, Long> versions = new EnumMap<>(ChangeArea.class);
		poll.sql("SELECT area, SUM(version) AS version FROM cache_change GROUP BY area").query(rs -> {
			ChangeArea area = ChangeArea.of(rs.getString("area"));
			if (area != null) {
				versions.put(area, rs.getLong("version"));
			}
		});
		return versions;
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
		jdbc.sql("UPDATE cache_change SET version = version + 1 WHERE area = ? AND slot = ?")
			.params(area.key(), 1 + (int) Math.floorMod(Thread.currentThread().getId(), (long) area.slots()))
			.update();
	}
}
