package io.gatehouse.sso.oidc;

import java.time.Instant;
import java.util.Optional;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sign-ins under way, by the hash of their state. */
@Repository
class PendingStore {

	private final JdbcClient jdbc;

	PendingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Pending(String browserHash, String request, String returnTo) {
	}

	void insert(String stateHash, String browserHash, String request, String returnTo, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO sso_pending (state_hash, browser_hash, request, return_to, expires_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(stateHash, browserHash, request, returnTo, Timestamps.of(expiresAt))
			.update();
	}

	Optional<Pending> find(String stateHash, Instant now) {
		return jdbc.sql("SELECT browser_hash, request, return_to FROM sso_pending WHERE state_hash = ? AND expires_at > ?")
			.params(stateHash, Timestamps.of(now))
			.query((rs, row) -> new Pending(rs.getString("browser_hash"), rs.getString("request"),
					rs.getString("return_to")))
			.optional();
	}

	/** True for the one caller that removed it: a state is used once. */
	boolean delete(String stateHash) {
		return jdbc.sql("DELETE FROM sso_pending WHERE state_hash = ?").param(stateHash).update() == 1;
	}

	void deleteExpired(Instant now) {
		jdbc.sql("DELETE FROM sso_pending WHERE expires_at <= ?").param(Timestamps.of(now)).update();
	}
}
