package io.gatehouse.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SessionStore {

	record StoredSession(UUID id, UUID userId, Instant lastSeenAt, Instant expiresAt) {
	}

	private final JdbcClient jdbc;

	SessionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String secretHash, UUID userId, Instant now, Instant expiresAt, String clientIp,
			String userAgent) {
		jdbc.sql("""
				INSERT INTO auth_session (id, secret_hash, user_id, created_at, last_seen_at, expires_at, client_ip, user_agent)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, secretHash, userId, Timestamps.of(now), Timestamps.of(now), Timestamps.of(expiresAt), clientIp,
					userAgent)
			.update();
	}

	Optional<StoredSession> findBySecretHash(String secretHash) {
		return jdbc.sql("SELECT id, user_id, last_seen_at, expires_at FROM auth_session WHERE secret_hash = ?")
			.param(secretHash)
			.query((rs, row) -> new StoredSession(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					Timestamps.read(rs, "last_seen_at"), Timestamps.read(rs, "expires_at")))
			.optional();
	}

	void touch(UUID id, Instant now) {
		jdbc.sql("UPDATE auth_session SET last_seen_at = ? WHERE id = ?").params(Timestamps.of(now), id).update();
	}

	void delete(UUID id) {
		jdbc.sql("DELETE FROM auth_session WHERE id = ?").param(id).update();
	}

	int deleteAllOf(UUID userId, UUID except) {
		return jdbc.sql("DELETE FROM auth_session WHERE user_id = ? AND id <> ?")
			.params(userId, except == null ? new UUID(0, 0) : except)
			.update();
	}

	int deleteExpired(Instant now, Instant idleCutoff) {
		return jdbc.sql("DELETE FROM auth_session WHERE expires_at < ? OR last_seen_at < ?")
			.params(Timestamps.of(now), Timestamps.of(idleCutoff))
			.update();
	}
}
