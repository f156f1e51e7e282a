package io.gatehouse.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import io.gatehouse.shared.RandomSecrets;
import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use links. Issuing one for a purpose replaces the user's earlier one for it, so only the newest mailed
 * link works; using one deletes it.
 */
@Repository
class LinkStore {

	private final JdbcClient jdbc;

	LinkStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Returns the secret for the mail; only its hash is stored. The user's earlier link of this kind stops working. */
	String issue(UUID userId, Link.Purpose purpose, String emailAddress, Instant now, Instant expiresAt) {
		deleteOf(userId, purpose);
		return issueFirst(userId, purpose, emailAddress, now, expiresAt);
	}

	/** As {@link #issue}, for a user made in this transaction, who has no earlier link to end. */
	String issueFirst(UUID userId, Link.Purpose purpose, String emailAddress, Instant now, Instant expiresAt) {
		String secret = RandomSecrets.generate();
		jdbc.sql("""
				INSERT INTO users_link (id, user_id, purpose, secret_hash, email_address, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), userId, purpose.name(), RandomSecrets.hash(secret), emailAddress,
					Timestamps.of(now), Timestamps.of(expiresAt))
			.update();
		return secret;
	}

	Optional<Link> find(String secret) {
		if (!RandomSecrets.wellFormed(secret)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT id, user_id, purpose, email_address, expires_at FROM users_link WHERE secret_hash = ?")
			.param(RandomSecrets.hash(secret))
			.query((rs, row) -> new Link(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					Link.Purpose.valueOf(rs.getString("purpose")), rs.getString("email_address"),
					Timestamps.read(rs, "expires_at")))
			.optional();
	}

	/**
	 * The link behind a secret, if it is one of the given purposes and still works; used up by the caller's
	 * transaction. Unknown, used and replaced links all read as invalid; only the holder of a real one learns that
	 * it expired.
	 */
	Link use(String secret, Instant now, Link.Purpose... purposes) {
		Link link = peek(secret, now, purposes);
		// the conditional delete is the claim: of two uses racing, only one deletes the row
		if (!delete(link.id())) {
			throw invalid();
		}
		return link;
	}

	/** The link behind a secret as {@link #use} would take it, refused alike, but left unused. */
	Link peek(String secret, Instant now, Link.Purpose... purposes) {
		Link link = find(secret).filter(found -> List.of(purposes).contains(found.purpose()))
			.orElseThrow(LinkStore::invalid);
		if (link.expired(now)) {
			throw DomainException.invalid("link-expired", "This link has expired; ask for a new one.",
					List.of(new FieldViolation("token", "expired", "has expired")));
		}
		return link;
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM users_link WHERE id = ?").param(id).update() == 1;
	}

	void deleteOf(UUID userId, Link.Purpose purpose) {
		jdbc.sql("DELETE FROM users_link WHERE user_id = ? AND purpose = ?").params(userId, purpose.name()).update();
	}

	void deleteAllOf(UUID userId) {
		jdbc.sql("DELETE FROM users_link WHERE user_id = ?").param(userId).update();
	}

	static DomainException invalid() {
		return DomainException.invalid("link-invalid",
				"This link is not valid: it was already used, replaced by a newer one, or never existed.",
				List.of(new FieldViolation("token", "valid", "is not a valid link")));
	}
}
