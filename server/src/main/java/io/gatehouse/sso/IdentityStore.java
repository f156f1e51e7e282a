package io.gatehouse.sso;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which account a provider's subject signs in as. */
@Repository
class IdentityStore {

	private final JdbcClient jdbc;

	IdentityStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UUID> userOf(UUID providerId, String subject) {
		return jdbc.sql("SELECT user_id FROM sso_identity WHERE provider_id = ? AND subject = ?")
			.params(providerId, subject)
			.query(UUID.class)
			.optional();
	}

	void link(UUID providerId, String subject, UUID userId, Instant at) {
		jdbc.sql("""
				INSERT INTO sso_identity (provider_id, subject, user_id, created_at, last_sign_in_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(providerId, subject, userId, Timestamps.of(at), Timestamps.of(at))
			.update();
	}

	void signedIn(UUID providerId, String subject, Instant at) {
		jdbc.sql("UPDATE sso_identity SET last_sign_in_at = ? WHERE provider_id = ? AND subject = ?")
			.params(Timestamps.of(at), providerId, subject)
			.update();
	}

	void forgetUser(UUID userId) {
		jdbc.sql("DELETE FROM sso_identity WHERE user_id = ?").param(userId).update();
	}
}
