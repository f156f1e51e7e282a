package io.gatehouse.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import io.gatehouse.shared.LostRaces;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SessionStore {

	record StoredSession(UUID id, UUID userId, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String clientIp,
			boolean mfaEnrolmentRequired) {
	}

	private final JdbcClient jdbc;

	SessionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String secretHash, UUID userId, Instant now, Instant expiresAt, String clientIp,
			String userAgent, boolean mfaEnrolmentRequired) {
		jdbc.sql("""
				INSERT INTO auth_session (id, secret_hash, user_id, created_at, last_seen_at, expires_at, client_ip,
				    user_agent, mfa_enrolment_required)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, secretHash, userId, Timestamps.of(now), Timestamps.of(now), Timestamps.of(expiresAt), clientIp,
					userAgent, mfaEnrolmentRequired)
			.update();
	}

	Optional<StoredSession> findBySecretHash(String secretHash) {
		return jdbc.sql("""
				SELECT id, user_id, created_at, last_seen_at, expires_at, client_ip, mfa_enrolment_required
				FROM auth_session WHERE secret_hash = ?""")
			.param(secretHash)
			.query((rs, row) -> new StoredSession(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					Timestamps.read(rs, "created_at"), Timestamps.read(rs, "last_seen_at"), Timestamps.read(rs, "expires_at"), rs.getString("client_ip"),
					rs.getBoolean("mfa_enrolment_required")))
			.optional();
	}

	List<SessionView> listOf(UUID userId, Instant now, Instant idleCutoff) {
		return jdbc.sql("""
				SELECT id, created_at, last_seen_at, expires_at, client_ip, user_agent FROM auth_session
				WHERE user_id = ? AND expires_at > ? AND last_seen_at > ?
				ORDER BY last_seen_at DESC, id""")
			.params(userId, Timestamps.of(now), Timestamps.of(idleCutoff))
			.query((rs, row) -> new SessionView(rs.getObject("id", UUID.class), Timestamps.read(rs, "created_at"),
					Timestamps.read(rs, "last_seen_at"), Timestamps.read(rs, "expires_at"), rs.getString("client_ip"),
					rs.getString("user_agent")))
			.list();
	}

	/** Last seen, and from where: written at most once a minute per session, or when the address changes. */
	void touch(UUID id, Instant now, String clientIp) {
		LostRaces.ignore(() -> jdbc.sql("UPDATE auth_session SET last_seen_at = ?, client_ip = ? WHERE id = ?")
			.params(Timestamps.of(now), clientIp, id)
			.update());
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM auth_session WHERE id = ?").param(id).update() == 1;
	}

	boolean deleteOf(UUID userId, UUID id) {
		return jdbc.sql("DELETE FROM auth_session WHERE id = ? AND user_id = ?").params(id, userId).update() == 1;
	}

	int deleteAllOf(UUID userId, UUID except) {
		return jdbc.sql("DELETE FROM auth_session WHERE user_id = ? AND id <> ?")
			.params(userId, except == null ? new UUID(0, 0) : except)
			.update();
	}

	void enrolmentDone(UUID userId) {
		jdbc.sql("UPDATE auth_session SET mfa_enrolment_required = FALSE WHERE user_id = ? AND mfa_enrolment_required = TRUE")
			.param(userId)
			.update();
	}
}
