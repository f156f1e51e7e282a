package io.gatehouse.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deletes of the retention jobs, each by a cutoff time and in batches, so a first run on years of history never
 * holds one huge transaction. The tables belong to other modules; what may go is decided here, by age alone, and no
 * module reads a row these delete (expired rows are refused by their own module whether or not they are still there).
 */
@Repository
class RetentionStore {

	static final int BATCH = 1000;

	private final JdbcClient jdbc;

	RetentionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Mails delivered, printed to the log (no SMTP server) or given up before the cutoff; never one still due. */
	int deleteDeliveredMail(Instant before) {
		return batches("""
				DELETE FROM mail_outbox WHERE id IN (
				  SELECT id FROM mail_outbox
				  WHERE status IN ('SENT', 'LOGGED', 'FAILED') AND COALESCE(sent_at, created_at) < ?
				  FETCH FIRST %d ROWS ONLY)""", before);
	}

	int deleteSignInRecords(Instant before) {
		return batches("""
				DELETE FROM auth_sign_in WHERE id IN (
				  SELECT id FROM auth_sign_in WHERE occurred_at < ? FETCH FIRST %d ROWS ONLY)""", before);
	}

	int deleteAuditEvents(Instant before) {
		return batches("""
				DELETE FROM audit_event WHERE id IN (
				  SELECT id FROM audit_event WHERE occurred_at < ? FETCH FIRST %d ROWS ONLY)""", before);
	}

	int deleteExpiredSessions(Instant before) {
		return batches("""
				DELETE FROM auth_session WHERE id IN (
				  SELECT id FROM auth_session WHERE expires_at < ? FETCH FIRST %d ROWS ONLY)""", before);
	}

	int deleteExpiredChallenges(Instant before) {
		return batches("""
				DELETE FROM auth_mfa_challenge WHERE id IN (
				  SELECT id FROM auth_mfa_challenge WHERE expires_at < ? FETCH FIRST %d ROWS ONLY)""", before);
	}

	/** Links expired before the cutoff, except an invitation's, which goes with its invitation. */
	int deleteExpiredLinks(Instant before) {
		return batches("""
				DELETE FROM users_link WHERE id IN (
				  SELECT id FROM users_link WHERE expires_at < ? AND purpose <> 'INVITATION' FETCH FIRST %d ROWS ONLY)""",
				before);
	}

	/** The pending users whose invitation expired before the cutoff: they are cancelled like any invitation. */
	List<UUID> expiredInvitations(Instant before) {
		return jdbc.sql("SELECT user_id FROM users_invitation WHERE expires_at < ? ORDER BY expires_at FETCH FIRST "
				+ BATCH + " ROWS ONLY")
			.param(Timestamps.of(before))
			.query(UUID.class)
			.list();
	}

	private int batches(String sql, Instant before) {
		String statement = sql.formatted(BATCH);
		int total = 0;
		int deleted;
		do {
			deleted = jdbc.sql(statement).param(Timestamps.of(before)).update();
			total += deleted;
		}
		while (deleted == BATCH);
		return total;
	}
}
