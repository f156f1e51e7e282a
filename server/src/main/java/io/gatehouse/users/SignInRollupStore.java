package io.gatehouse.users;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sign-ins counted per user and UTC day. The activity figures then sum at most 365 small rows of one user,
 * whatever the size of the directory or the sign-in history.
 */
@Repository
class SignInRollupStore {

	private final JdbcClient jdbc;

	SignInRollupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One more sign-in on the user's day: an UPDATE, then an INSERT when the day has no row yet. Two first sign-ins
	 * of a day can both insert; the loser fails on the key and its caller tries again, then finds the row. (No MERGE
	 * or upsert: the SQL stays within what distributed PostgreSQL-compatible engines run, see docs/scaling.md.)
	 */
	void count(UUID userId, Instant at) {
		LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
		int counted = jdbc.sql("UPDATE users_login_day SET logins = logins + 1 WHERE user_id = ? AND login_date = ?")
			.params(userId, day)
			.update();
		if (counted == 0) {
			jdbc.sql("INSERT INTO users_login_day (user_id, login_date, logins) VALUES (?, ?, 1)")
				.params(userId, day)
				.update();
		}
	}

	/** Days older than the longest window shown (a year) are never read again. */
	int deleteBefore(LocalDate day) {
		return jdbc.sql("DELETE FROM users_login_day WHERE login_date < ?").param(day).update();
	}

	UserActivity activity(User user, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		return jdbc.sql("""
				SELECT COALESCE(SUM(CASE WHEN login_date >= :week THEN logins ELSE 0 END), 0) AS last_week,
				       COALESCE(SUM(CASE WHEN login_date >= :month THEN logins ELSE 0 END), 0) AS last_month,
				       COALESCE(SUM(logins), 0) AS last_year
				FROM users_login_day WHERE user_id = :userId AND login_date >= :year""")
			.param("week", today.minusDays(6))
			.param("month", today.minusDays(29))
			.param("year", today.minusDays(364))
			.param("userId", user.id())
			.query((rs, row) -> new UserActivity(user.lastLoginAt(), rs.getLong("last_week"), rs.getLong("last_month"),
					rs.getLong("last_year")))
			.single();
	}
}
