package io.gatehouse.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
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

	/** A mail as its transaction wrote it, handed to this node's worker after the commit. */
	record Committed(UUID id, RenderedMail mail) {
	}

	private final JdbcClient jdbc;

	// for the batched updates of a delivery round, which JdbcClient has no call for
	private final JdbcTemplate batches;

	OutboxStore(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/** Written at version 1, which {@link #claimFresh} relies on. */
	void insert(UUID id, RenderedMail mail, Instant now) {
		jdbc.sql("""
				INSERT INTO mail_outbox (id, recipient, recipient_normalized, template_name, subject, body_text, body_html,
				    status, attempts, next_attempt_at, created_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, 1)""")
			.params(id, mail.to(), normalize(mail.to()), mail.template(), mail.subject(), mail.text(), mail.html(),
					Timestamps.of(now), Timestamps.of(now))
			.update();
	}

	/** A mail sent at once rather than through the outbox (a test mail): kept as history, without its body. */
	void insertFinished(UUID id, RenderedMail mail, Status status, String error, Instant now) {
		jdbc.sql("""
				INSERT INTO mail_outbox (id, recipient, recipient_normalized, template_name, subject, status, attempts,
				    next_attempt_at, last_error, created_at, sent_at, version)
				VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, 1)""")
			.params(id, mail.to(), normalize(mail.to()), mail.template(), mail.subject(), status.name(),
					Timestamps.of(now), error, Timestamps.of(now), status == Status.FAILED ? null : Timestamps.of(now))
			.update();
	}

	/** How many mails of one template went to this address since then, sent or not. */
	int countSince(String template, String recipient, Instant since) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM mail_outbox
				WHERE recipient_normalized = ? AND template_name = ? AND created_at >= ?""")
			.params(normalize(recipient), template, Timestamps.of(since))
			.query(Integer.class)
			.single();
	}

	/** Rows due now: pending ones whose time has come, and claims whose lease ran out (their node died). */
	List<UUID> due(Instant now, int limit) {
		// Two index lookups rather than one OR: H2 answers an OR of the two with a scan of the whole table, every
		// sent mail's body included, at every poll.
		return jdbc.sql("""
				SELECT id, next_attempt_at FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now
				UNION ALL
				SELECT id, next_attempt_at FROM mail_outbox WHERE status = 'SENDING' AND lease_until < :now
				ORDER BY next_attempt_at, id
				LIMIT :limit""")
			.param("now", Timestamps.of(now))
			.param("limit", limit)
			.query((rs, n) -> rs.getObject("id", UUID.class))
			.list();
	}

	/**
	 * Claims those of these rows that are still due, each conditional on the version it was read with: one read and
	 * one batch of updates for a whole delivery round instead of two statements per mail.
	 */
	List<Claimed> claim(List<UUID> ids, Instant now, Instant leaseUntil, String node) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Claimed> read = jdbc.sql("""
				SELECT id, version, recipient, template_name, subject, body_text, body_html, attempts FROM mail_outbox
				WHERE id IN (:ids) AND ((status = 'PENDING' AND next_attempt_at <= :now)
				                     OR (status = 'SENDING' AND lease_until < :now))
				ORDER BY next_attempt_at, id""")
			.param("ids", ids)
			.param("now", Timestamps.of(now))
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getLong("version"),
					new RenderedMail(rs.getString("recipient"), rs.getString("template_name"), rs.getString("subject"),
							rs.getString("body_text"), rs.getString("body_html")),
					rs.getInt("attempts")))
			.list();
		return claimAsRead(read, leaseUntil, node);
	}

	/** Claims each row only while it still has the version it was read (or written) with. */
	private List<Claimed> claimAsRead(List<Claimed> read, Instant leaseUntil, String node) {
		if (read.isEmpty()) {
			return List.of();
		}
		List<Object[]> rows = new ArrayList<>();
		for (Claimed row : read) {
			rows.add(new Object[] { Timestamps.of(leaseUntil), node, row.id(), row.version() });
		}
		int[] updated = batches.batchUpdate("""
				UPDATE mail_outbox SET status = 'SENDING', lease_until = ?, claimed_by = ?, version = version + 1
				WHERE id = ? AND version = ?""", rows);
		List<Claimed> claimed = new ArrayList<>();
		for (int i = 0; i < read.size(); i++) {
			// another node's claim in between matched no row here
			if (updated[i] == 1) {
				Claimed row = read.get(i);
				claimed.add(new Claimed(row.id(), row.version() + 1, row.mail(), row.attempts()));
			}
		}
		return claimed;
	}

	/**
	 * Claims mails this node committed a moment ago and still holds, without reading them back: each only while it
	 * is as it was written (version 1), so a mail that a poll claimed meanwhile is left to that claim.
	 */
	List<Claimed> claimFresh(List<Committed> committed, Instant leaseUntil, String node) {
		List<Claimed> asWritten = new ArrayList<>();
		for (Committed mail : committed) {
			asWritten.add(new Claimed(mail.id(), 1, mail.mail(), 0));
		}
		return claimAsRead(asWritten, leaseUntil, node);
	}

	/**
	 * Delivered (or logged): the bodies are dropped, since they hold single-use links that must not outlive their
	 * purpose in clear; who got what and when stays. One row at a time, right after its own delivery, so that a
	 * failure here leaves at most this one mail to be sent again.
	 */
	void finish(Claimed claimed, Status status, Instant now) {
		jdbc.sql("""
				UPDATE mail_outbox SET status = ?, sent_at = ?, attempts = attempts + 1, lease_until = NULL,
				    body_text = NULL, body_html = NULL, last_error = NULL, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(status.name(), Timestamps.of(now), claimed.id(), claimed.version())
			.update();
	}

	/**
	 * Gives back claims this node will not deliver (it is stopping): due again at once for any node, instead of after
	 * the lease. Each only while this node's claim still holds.
	 */
	void release(List<Claimed> claimed) {
		if (claimed.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		for (Claimed row : claimed) {
			rows.add(new Object[] { row.id(), row.version() });
		}
		batches.batchUpdate("""
				UPDATE mail_outbox SET status = 'PENDING', lease_until = NULL, version = version + 1
				WHERE id = ? AND version = ? AND status = 'SENDING'""", rows);
	}

	/**
	 * Gives back every claim a node of this name still holds in the table: called when the node starts, so what it
	 * held when it died goes out now instead of after its lease. How many it gave back.
	 */
	int releaseAllOf(String node) {
		return jdbc.sql("""
				UPDATE mail_outbox SET status = 'PENDING', lease_until = NULL, claimed_by = NULL, version = version + 1
				WHERE status = 'SENDING' AND claimed_by = ?""")
			.param(node)
			.update();
	}

	/**
	 * Moves on the lease of claims this node still holds (the heartbeat): each only while its claim is still this
	 * node's, and without a new version, so the claim stays valid for its marking.
	 */
	void renew(List<Claimed> claimed, Instant leaseUntil) {
		if (claimed.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		for (Claimed row : claimed) {
			rows.add(new Object[] { Timestamps.of(leaseUntil), row.id(), row.version() });
		}
		batches.batchUpdate("""
				UPDATE mail_outbox SET lease_until = ?
				WHERE id = ? AND version = ? AND status = 'SENDING'""", rows);
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

	/** What waits in the outbox (pending or being sent), since when the oldest of it, and how many were given up. */
	Queue queue() {
		return jdbc.sql("""
				SELECT COUNT(CASE WHEN status IN ('PENDING', 'SENDING') THEN 1 END) AS waiting,
				       MIN(CASE WHEN status IN ('PENDING', 'SENDING') THEN created_at END) AS oldest,
				       COUNT(CASE WHEN status = 'FAILED' THEN 1 END) AS failed
				FROM mail_outbox WHERE status IN ('PENDING', 'SENDING', 'FAILED')""")
			.query((rs, row) -> new Queue(rs.getLong("waiting"), Timestamps.read(rs, "oldest"), rs.getLong("failed")))
			.single();
	}

	record Queue(long waiting, Instant oldest, long failed) {
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
