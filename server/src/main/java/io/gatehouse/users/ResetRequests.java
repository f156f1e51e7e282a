package io.gatehouse.users;

import java.time.Instant;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Password-reset requests kept in the database, so the rate limit holds across every node. */
@Repository
class ResetRequests {

	private final JdbcClient jdbc;

	ResetRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(String email, String clientIp, Instant at) {
		jdbc.sql("INSERT INTO users_reset_request (id, email_normalized, client_ip, requested_at) VALUES (?, ?, ?, ?)")
			.params(UUID.randomUUID(), UserRules.normalize(email), clientIp, Timestamps.of(at))
			.update();
	}

	int forEmailSince(String email, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM users_reset_request WHERE email_normalized = ? AND requested_at >= ?")
			.params(UserRules.normalize(email), Timestamps.of(since))
			.query(Integer.class)
			.single();
	}

	int fromClientSince(String clientIp, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM users_reset_request WHERE client_ip = ? AND requested_at >= ?")
			.params(clientIp, Timestamps.of(since))
			.query(Integer.class)
			.single();
	}

	int deleteBefore(Instant cutoff) {
		return jdbc.sql("DELETE FROM users_reset_request WHERE requested_at < ?").param(Timestamps.of(cutoff)).update();
	}
}
