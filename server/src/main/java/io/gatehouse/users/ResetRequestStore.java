package io.gatehouse.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Password-reset requests kept in the database, so the rate limit holds across every node; a request whose link is
 * still to be mailed stays unhandled until a node claims it ({@link ResetLinkMailer}).
 */
@Repository
class ResetRequestStore {

	private final JdbcClient jdbc;

	ResetRequestStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @param handled false: a link is still to be made and mailed */
	UUID add(String email, String client, Instant at, boolean handled) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO users_reset_request (id, email_normalized, client_ip, requested_at, handled_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(id, UserRules.normalize(email), client, Timestamps.of(at), handled ? Timestamps.of(at) : null)
			.update();
		return id;
	}

	int forEmailSince(String email, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM users_reset_request WHERE email_normalized = ? AND requested_at >= ?")
			.params(UserRules.normalize(email), Timestamps.of(since))
			.query(Integer.class)
			.single();
	}

	int fromClientSince(String client, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM users_reset_request WHERE client_ip = ? AND requested_at >= ?")
			.params(client, Timestamps.of(since))
			.query(Integer.class)
			.single();
	}

	/** The address of an unhandled request, now handled by the caller's transaction; empty if another took it. */
	Optional<String> claim(UUID id, Instant now) {
		int claimed = jdbc.sql("UPDATE users_reset_request SET handled_at = ? WHERE id = ? AND handled_at IS NULL")
			.params(Timestamps.of(now), id)
			.update();
		if (claimed == 0) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT email_normalized FROM users_reset_request WHERE id = ?").param(id)
			.query(String.class)
			.optional();
	}

	List<UUID> unhandledBefore(Instant cutoff, int limit) {
		return jdbc.sql("""
				SELECT id FROM users_reset_request WHERE handled_at IS NULL AND requested_at < ?
				ORDER BY requested_at LIMIT ?""")
			.params(Timestamps.of(cutoff), limit)
			.query(UUID.class)
			.list();
	}

	/** Old requests no longer count; one still unhandled stays until its link is mailed. */
	int deleteBefore(Instant cutoff) {
		return jdbc.sql("DELETE FROM users_reset_request WHERE requested_at < ? AND handled_at IS NOT NULL")
			.param(Timestamps.of(cutoff))
			.update();
	}
}
