package io.gatehouse.mail;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. A row is claimed by moving it to {@code SENDING} with a lease, conditional on the version it was
 * read with: of two nodes that read the same row only one update matches, on H2 and PostgreSQL alike.
 */
@Repository
class OutboxStore {

	enum Status {
		PENDING, SENDING, SENT, LOGGED, FAILED
	}

	record Claimed(UUID id, long version, RenderedMail mail, int attempts) {
	}

	private final JdbcClient jdbc;

	OutboxStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, RenderedMail mail, Instant now) {
		jdbc.sql("""
				INSERT INTO mail_outbox (id, recipient, recipient_normalized, template_name, subject, body_text, body_html,
				    status, attempts, next_attempt_at, created_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, 1)""")
			.params(id, mail.to(), normalize(mail.to()), mail.template(), mail.subject(), mail.text(), mail.html(),
					Timestamps.of(now), Timestamps.of(now))
			.update();
	}

	/** Rows due now: pending ones whose time has come, and claims whose lease ran out (their node died). */
	List<UUID> due(Instant now, int limit) {
		return jdbc.sql("""
				SELECT id FROM mail_outbox
				WHERE (status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'SENDING' AND lease_until < :now)
				ORDER BY next_attempt_at, id
				LIMIT :limit""")
			.param("now", Timestamps.of(now))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	Optional<Claimed> claim(UUID id, Instant now, Instant leaseUntil) {
		Optional<Claimed> row = jdbc.sql("""
				SELECT id, version, recipient, template_name, subject, body_text, body_html, attempts FROM mail_outbox
				WHERE id = :id AND ((status = 'PENDING' AND next_attempt_at <= :now)
				                 OR (status = 'SENDING' AND lease_until < :now))""")
			.param("id", id)
			.param("now", Timestamps.of(now))
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getLong("version"),
					new RenderedMail(rs.getString("recipient"), rs.getString("template_name"), rs.getString("subject"),
							rs.getString("body_text"), rs.getString("body_html")),
					rs.getInt("attempts")))
			.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		int updated = jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENDING', lease_until = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(Timestamps.of(leaseUntil), id, row.get().version())
			.update();
		return updated == 1 ? Optional.of(new Claimed(id, row.get().version() + 1, row.get().mail(), row.get().attempts()))
				: Optional.empty();
	}

	/**
	 * Delivered (or logged): the bodies are dropped, since they hold single-use links that must not outlive their
	 * purpose in clear; who got what and when stays.
	 */
	void finish(Claimed claimed, Status status, Instant now) {
		jdbc.sql("""
				UPDATE mail_outbox SET status = ?, sent_at = ?, attempts = attempts + 1, lease_until = NULL,
				    body_text = NULL, body_html = NULL, last_error = NULL, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(status.name(), Timestamps.of(now), claimed.id(), claimed.version())
			.update();
	}

	void retryLater(Claimed claimed, Instant nextAttempt, String error) {
		jdbc.sql("""
				UPDATE mail_outbox SET status = 'PENDING', attempts = attempts + 1, next_attempt_at = ?,
				    lease_until = NULL, last_error = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(Timestamps.of(nextAttempt), truncate(error), claimed.id(), claimed.version())
			.update();
	}

	void giveUp(Claimed claimed, String error) {
		jdbc.sql("""
				UPDATE mail_outbox SET status = 'FAILED', attempts = attempts + 1, lease_until = NULL, last_error = ?,
				    body_text = NULL, body_html = NULL, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(truncate(error), claimed.id(), claimed.version())
			.update();
	}

	int deleteTo(String recipient) {
		return jdbc.sql("DELETE FROM mail_outbox WHERE recipient_normalized = ?").param(normalize(recipient)).update();
	}

	private static String normalize(String email) {
		return email.toLowerCase(Locale.ROOT);
	}

	private static String truncate(String error) {
		String text = String.valueOf(error);
		return text.length() > 500 ? text.substring(0, 500) : text;
	}
}
