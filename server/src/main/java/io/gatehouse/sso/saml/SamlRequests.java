package io.gatehouse.sso.saml;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.jobs.OnceAcrossNodes;
import io.gatehouse.shared.RandomSecrets;
import io.gatehouse.shared.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests sent to SAML providers and not yet answered, and the assertions already used, in the database: the
 * answer may come back to any node, and an assertion sent twice, to whichever nodes, signs in once.
 */
@Repository
class SamlRequests {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final OnceAcrossNodes once;

	SamlRequests(JdbcClient jdbc, Clock clock, OnceAcrossNodes once) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.once = once;
	}

	/** A request the answer said it is for: taken, so it is answered once. */
	record Taken(String returnTo) {
	}

	void sent(String requestId, UUID providerId, String browserHash, String returnTo, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO sso_saml_request (request_id, provider_id, browser_hash, return_to, expires_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(requestId, providerId, browserHash, returnTo, Timestamps.of(expiresAt))
			.update();
	}

	/** The request, if this provider was sent it from this browser and it has not expired or been answered. */
	@Transactional
	Optional<Taken> take(String requestId, UUID providerId, String browserHash) {
		Optional<Taken> found = jdbc.sql("""
				SELECT return_to FROM sso_saml_request
				WHERE request_id = ? AND provider_id = ? AND browser_hash = ? AND expires_at > ?""")
			.params(requestId, providerId, browserHash, Timestamps.of(clock.instant()))
			.query((rs, row) -> new Taken(rs.getString("return_to")))
			.optional();
		if (found.isEmpty()
				|| jdbc.sql("DELETE FROM sso_saml_request WHERE request_id = ?").param(requestId).update() != 1) {
			return Optional.empty();
		}
		return found;
	}

	/** False when the assertion was used before (a replay). */
	boolean firstUse(String assertionId, Instant keepUntil) {
		try {
			jdbc.sql("INSERT INTO sso_saml_assertion (assertion_hash, expires_at) VALUES (?, ?)")
				.params(RandomSecrets.hash(assertionId), Timestamps.of(keepUntil))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
	@Transactional
	void deleteExpired() {
		once.run("sso.saml-requests", Duration.ofMinutes(10), () -> {
			Instant now = clock.instant();
			jdbc.sql("DELETE FROM sso_saml_request WHERE expires_at <= ?").param(Timestamps.of(now)).update();
			jdbc.sql("DELETE FROM sso_saml_assertion WHERE expires_at <= ?").param(Timestamps.of(now)).update();
		});
	}
}
