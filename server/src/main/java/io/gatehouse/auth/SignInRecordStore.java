package io.gatehouse.auth;

import java.time.Instant;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every sign-in attempt: the raw history that activity, audit and brute-force protection read. */
@Repository
class SignInRecordStore {

	private final JdbcClient jdbc;

	SignInRecordStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the attempts (counts, times, outcomes) but not the login typed, which named the person. */
	void forget(UUID userId) {
		jdbc.sql("UPDATE auth_sign_in SET login = '' WHERE user_id = ?").param(userId).update();
	}

	void add(UUID userId, String login, Instant at, String clientIp, String outcome) {
		jdbc.sql("INSERT INTO auth_sign_in (id, user_id, login, occurred_at, client_ip, outcome) VALUES (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), userId, login, Timestamps.of(at), clientIp, outcome)
			.update();
	}
}
