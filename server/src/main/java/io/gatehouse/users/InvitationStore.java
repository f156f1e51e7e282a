package io.gatehouse.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvitationStore {

	private final JdbcClient jdbc;

	InvitationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID userId, UUID invitedById, String invitedBy, Instant at, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO users_invitation (user_id, invited_by_id, invited_by_username, invited_at, expires_at, sent_count)
				VALUES (?, ?, ?, ?, ?, 1)""")
			.params(userId, invitedById, invitedBy, Timestamps.of(at), Timestamps.of(expiresAt))
			.update();
	}

	void resent(UUID userId, Instant expiresAt) {
		jdbc.sql("UPDATE users_invitation SET expires_at = ?, sent_count = sent_count + 1 WHERE user_id = ?")
			.params(Timestamps.of(expiresAt), userId)
			.update();
	}

	/**
	 * Who invited, as people are named in the console: screen name, else first and last name, else the username the
	 * invitation kept (also when the inviter's account is gone); null for an invitation made by the system.
	 */
	Optional<String> inviterName(UUID userId) {
		return jdbc.sql("""
				SELECT i.invited_by_username, a.display_name, a.first_name, a.last_name
				FROM users_invitation i LEFT JOIN users_account a ON a.id = i.invited_by_id
				WHERE i.user_id = ?""")
			.param(userId)
			.query((rs, row) -> {
				String names = ((rs.getString("first_name") == null ? "" : rs.getString("first_name")) + " "
						+ (rs.getString("last_name") == null ? "" : rs.getString("last_name"))).strip();
				return rs.getString("display_name") != null ? rs.getString("display_name")
						: !names.isEmpty() ? names : rs.getString("invited_by_username");
			})
			.optional();
	}

	void delete(UUID userId) {
		jdbc.sql("DELETE FROM users_invitation WHERE user_id = ?").param(userId).update();
	}

	private static final String SELECT = "SELECT " + UserStore.COLUMNS + """
			, i.invited_by_username, i.invited_at, i.expires_at AS invitation_expires_at, i.sent_count
			FROM users_invitation i JOIN users_account u ON u.id = i.user_id
			WHERE u.status = 'PENDING'""";

	Optional<Invitation> find(UUID userId) {
		return jdbc.sql(SELECT + " AND i.user_id = ?").param(userId).query(InvitationStore::map).optional();
	}

	List<Invitation> pending() {
		return jdbc.sql(SELECT + " ORDER BY i.invited_at DESC, u.id").query(InvitationStore::map).list();
	}

	private static Invitation map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Invitation(UserStore.map(rs, row), rs.getString("invited_by_username"),
				Timestamps.read(rs, "invited_at"), Timestamps.read(rs, "invitation_expires_at"), rs.getInt("sent_count"));
	}
}
