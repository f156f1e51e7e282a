package io.gatehouse.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Open second-factor steps of sign-ins, found by the hash of their secret. */
@Repository
class MfaChallengeStore {

	record Challenge(UUID id, UUID userId, Instant expiresAt, int failures) {
	}

	private final JdbcClient jdbc;

	MfaChallengeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String secretHash, UUID userId, Instant now, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO auth_mfa_challenge (id, secret_hash, user_id, created_at, expires_at, failures)
				VALUES (?, ?, ?, ?, ?, 0)""")
			.params(id, secretHash, userId, Timestamps.of(now), Timestamps.of(expiresAt))
			.update();
	}

	Optional<Challenge> find(String secretHash, Instant now) {
		return jdbc.sql("SELECT id, user_id, expires_at, failures FROM auth_mfa_challenge WHERE secret_hash = ? AND expires_at > ?")
			.params(secretHash, Timestamps.of(now))
			.query((rs, row) -> new Challenge(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					Timestamps.read(rs, "expires_at"), rs.getInt("failures")))
			.optional();
	}

	/** Counts a wrong code; a challenge that has had {@code max} wrong codes is gone. */
	void failed(UUID id, int max) {
		jdbc.sql("UPDATE auth_mfa_challenge SET failures = failures + 1 WHERE id = ?").param(id).update();
		jdbc.sql("DELETE FROM auth_mfa_challenge WHERE id = ? AND failures >= ?").params(id, max).update();
	}

	/** Uses the challenge up; only one request can, so a challenge never yields two sessions. */
	boolean consume(UUID id) {
		return jdbc.sql("DELETE FROM auth_mfa_challenge WHERE id = ?").param(id).update() == 1;
	}
}
