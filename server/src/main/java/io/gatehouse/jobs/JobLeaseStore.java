package io.gatehouse.jobs;

import java.time.Instant;

import io.gatehouse.shared.LostRaces;
import io.gatehouse.shared.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When each scheduled job may run next ({@code jobs_lease}): a node takes a run by moving the time on with a
 * conditional update, which only one of several nodes racing for the same run can do. Plain SQL, no advisory locks.
 */
@Repository
class JobLeaseStore {

	private final JdbcClient jdbc;

	JobLeaseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * True when this node took the run due at {@code now}; the next one is then due at {@code next}. Losing the race
	 * for it to another node is "not taken", also at SERIALIZABLE, where the loser fails instead of matching no row.
	 */
	boolean take(String job, String node, Instant now, Instant next) {
		int taken = LostRaces.orElse(() -> jdbc.sql("""
				UPDATE jobs_lease SET next_run_at = ?, last_run_at = ?, last_run_by = ?
				WHERE job_name = ? AND next_run_at <= ?""")
			.params(Timestamps.of(next), Timestamps.of(now), node, job, Timestamps.of(now))
			.update(), 0);
		if (taken == 1) {
			return true;
		}
		boolean known = jdbc.sql("SELECT COUNT(*) FROM jobs_lease WHERE job_name = ?").param(job)
			.query(Long.class)
			.single() > 0;
		if (known) {
			return false;
		}
		try {
			// the first run of a job anyone made: whoever inserts its row holds it
			return LostRaces.orElse(() -> jdbc.sql("""
					INSERT INTO jobs_lease (job_name, next_run_at, last_run_at, last_run_by) VALUES (?, ?, ?, ?)""")
				.params(job, Timestamps.of(next), Timestamps.of(now), node)
				.update() == 1, false);
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}
}
