package io.gatehouse.mfa;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MfaStore {

	record StoredTotp(UUID userId, String secretCiphertext, Instant createdAt, Instant confirmedAt, Long lastStep) {
	}

	private final JdbcClient jdbc;

	MfaStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredTotp> totp(UUID userId) {
		return jdbc.sql("SELECT user_id, secret_ciphertext, created_at, confirmed_at, last_step FROM mfa_totp WHERE user_id = ?")
			.param(userId)
			.query((rs, row) -> new StoredTotp(rs.getObject("user_id", UUID.class), rs.getString("secret_ciphertext"),
					Timestamps.read(rs, "created_at"), Timestamps.read(rs, "confirmed_at"),
					rs.getObject("last_step") == null ? null : rs.getLong("last_step")))
			.optional();
	}

	boolean hasConfirmed(UUID userId) {
		return jdbc.sql("SELECT COUNT(*) FROM mfa_totp WHERE user_id = ? AND confirmed_at IS NOT NULL")
			.param(userId)
			.query(Integer.class)
			.single() > 0;
	}

	void replaceUnconfirmed(UUID userId, String ciphertext, Instant now) {
		jdbc.sql("DELETE FROM mfa_totp WHERE user_id = ? AND confirmed_at IS NULL").param(userId).update();
		jdbc.sql("INSERT INTO mfa_totp (user_id, secret_ciphertext, created_at, confirmed_at, last_step) VALUES (?, ?, ?, NULL, NULL)")
			.params(userId, ciphertext, Timestamps.of(now))
			.update();
	}

	boolean confirm(UUID userId, Instant now, long step) {
		return jdbc.sql("UPDATE mfa_totp SET confirmed_at = ?, last_step = ? WHERE user_id = ? AND confirmed_at IS NULL")
			.params(Timestamps.of(now), step, userId)
			.update() == 1;
	}

	/** Accepts a time step at most once, however many requests race with the same code. */
	boolean useStep(UUID userId, long step) {
		return jdbc.sql("""
				UPDATE mfa_totp SET last_step = ?
				WHERE user_id = ? AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < ?)""")
			.params(step, userId, step)
			.update() == 1;
	}

	int deleteTotp(UUID userId) {
		return jdbc.sql("DELETE FROM mfa_totp WHERE user_id = ?").param(userId).update();
	}

	void replaceRecoveryCodes(UUID userId, List<String> hashes, Instant now) {
		jdbc.sql("DELETE FROM mfa_recovery_code WHERE user_id = ?").param(userId).update();
		for (String hash : hashes) {
			jdbc.sql("INSERT INTO mfa_recovery_code (id, user_id, code_hash, created_at, used_at) VALUES (?, ?, ?, ?, NULL)")
				.params(UUID.randomUUID(), userId, hash, Timestamps.of(now))
				.update();
		}
	}

	/** Marks the code used if it is the user's and still unused: one winner, even for parallel requests. */
	boolean useRecoveryCode(UUID userId, String hash, Instant now) {
		return jdbc.sql("UPDATE mfa_recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")
			.params(Timestamps.of(now), userId, hash)
			.update() == 1;
	}

	int unusedRecoveryCodes(UUID userId) {
		return jdbc.sql("SELECT COUNT(*) FROM mfa_recovery_code WHERE user_id = ? AND used_at IS NULL")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	int deleteRecoveryCodes(UUID userId) {
		return jdbc.sql("DELETE FROM mfa_recovery_code WHERE user_id = ?").param(userId).update();
	}

	/** The database key, if a node made one. */
	Optional<String> key() {
		return jdbc.sql("SELECT key_material FROM mfa_key WHERE id = 1").query(String.class).optional();
	}

	/** Stores the database key; a {@link DuplicateKeyException} when another node stored one first. */
	void insertKey(String material, Instant now) {
		jdbc.sql("INSERT INTO mfa_key (id, key_material, created_at) VALUES (1, ?, ?)")
			.params(material, Timestamps.of(now))
			.update();
	}
}
