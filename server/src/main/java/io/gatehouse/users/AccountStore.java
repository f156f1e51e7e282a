package io.gatehouse.users;

import java.time.Instant;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The writes of an account's lifecycle that are not an edit of its identity fields. */
@Repository
class AccountStore {

	private final JdbcClient jdbc;

	AccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An invitation accepted: the first password, a verified email, and sign-in allowed. */
	boolean activateInvited(UUID id, String passwordHash, boolean emailVerified, Instant at) {
		return jdbc.sql("""
				UPDATE users_account SET status = 'ACTIVE', email_verified = ?, password_hash = ?,
				    password_changed_at = ?, must_change_password = FALSE, updated_at = ?, version = version + 1
				WHERE id = ? AND status = 'PENDING'""")
			.params(emailVerified, passwordHash, Timestamps.of(at), Timestamps.of(at), id)
			.update() == 1;
	}

	/** Marks the email verified, only if it is still the address the link was sent to. */
	boolean markVerified(UUID id, String email, Instant at) {
		return jdbc.sql("""
				UPDATE users_account SET email_verified = TRUE, updated_at = ?, version = version + 1
				WHERE id = ? AND email_normalized = ? AND status <> 'DELETED'""")
			.params(Timestamps.of(at), id, UserRules.normalize(email))
			.update() == 1;
	}

	/** The confirmed new address replaces the old one, verified by the confirmation itself. */
	void changeEmail(UUID id, String email, Instant at) {
		jdbc.sql("""
				UPDATE users_account SET email = ?, email_normalized = ?, email_verified = TRUE, updated_at = ?,
				    version = version + 1
				WHERE id = ?""")
			.params(email, UserRules.normalize(email), Timestamps.of(at), id)
			.update();
	}

	/**
	 * Erases the person from the account row: names, email, credential and activity go; the id stays, so the audit
	 * log's references (which keep the username as it was) still resolve to a deleted user.
	 */
	void scrub(UUID id, Instant at) {
		String placeholder = DeletionRule.tombstoneUsername(id);
		jdbc.sql("""
				UPDATE users_account SET status = 'DELETED', username = ?, username_normalized = ?, email = ?,
				    email_normalized = ?, email_verified = FALSE, first_name = NULL, first_name_normalized = NULL,
				    last_name = NULL, last_name_normalized = NULL, display_name = NULL, department = NULL,
				    time_zone = NULL, external_id = NULL, must_change_password = FALSE, password_hash = NULL,
				    password_changed_at = NULL, last_login_at = NULL, updated_at = ?, version = version + 1
				WHERE id = ?""")
			.params(placeholder, placeholder, DeletionRule.tombstoneEmail(id), DeletionRule.tombstoneEmail(id),
					Timestamps.of(at), id)
			.update();
		jdbc.sql("DELETE FROM users_login_day WHERE user_id = ?").param(id).update();
	}
}
