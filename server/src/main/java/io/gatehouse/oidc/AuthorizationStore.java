package io.gatehouse.oidc;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What Gatehouse adds to the authorization server's own tables: spent refresh tokens for reuse detection, revoking a
 * user's authorizations together, and purging what has expired.
 */
@Repository
class AuthorizationStore {

	private final JdbcClient jdbc;

	AuthorizationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void spend(String tokenHash, String authorizationId, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO oidc_spent_refresh_token (token_hash, authorization_id, expires_at)
				VALUES (:hash, :authorization, :expires)""")
			.param("hash", tokenHash)
			.param("authorization", authorizationId)
			.param("expires", Timestamps.of(expiresAt))
			.update();
	}

	/** The authorization a spent refresh token belonged to, if the token was spent. */
	Optional<String> spentIn(String tokenHash) {
		return jdbc.sql("SELECT authorization_id FROM oidc_spent_refresh_token WHERE token_hash = :hash")
			.param("hash", tokenHash)
			.query(String.class)
			.optional();
	}

	/** Ends every authorization of the user: their refresh and access tokens stop working at once. */
	int revokeAllOf(String principalName) {
		return jdbc.sql("DELETE FROM oauth2_authorization WHERE principal_name = :principal")
			.param("principal", principalName)
			.update();
	}

	/** Ends the user's authorizations of one application. */
	int revokeAllOf(String principalName, String registeredClientId) {
		return jdbc.sql("DELETE FROM oauth2_authorization WHERE principal_name = :principal AND registered_client_id = :client")
			.param("principal", principalName)
			.param("client", registeredClientId)
			.update();
	}

	/** The applications the user consented to, by name, with the scopes consented (Spring keeps them as SCOPE_x). */
	List<Consent> consentsOf(String principalName) {
		return jdbc.sql("""
				SELECT rc.client_id, rc.client_name, c.authorities
				FROM oauth2_authorization_consent c
				JOIN oauth2_registered_client rc ON rc.id = c.registered_client_id
				WHERE c.principal_name = :principal
				ORDER BY rc.client_name, rc.client_id""")
			.param("principal", principalName)
			.query((row, n) -> new Consent(row.getString("client_id"), row.getString("client_name"),
					Arrays.stream(row.getString("authorities").split(","))
						.map(String::strip)
						.filter(authority -> authority.startsWith("SCOPE_"))
						.map(authority -> authority.substring("SCOPE_".length()))
						.toList()))
			.list();
	}

	int withdrawConsentsOf(String principalName) {
		return jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE principal_name = :principal")
			.param("principal", principalName)
			.update();
	}

	/**
	 * Drops authorizations nothing can be done with any more: every token they hold has expired (or they never
	 * got one and their code has), and spent refresh tokens past their expiry.
	 */
	int purgeExpired(Instant now) {
		var cutoff = Timestamps.of(now);
		int spent = jdbc.sql("DELETE FROM oidc_spent_refresh_token WHERE expires_at < :now").param("now", cutoff).update();
		int authorizations = jdbc.sql("""
				DELETE FROM oauth2_authorization
				WHERE (refresh_token_expires_at IS NULL OR refresh_token_expires_at < :now)
				  AND (access_token_expires_at IS NULL OR access_token_expires_at < :now)
				  AND (authorization_code_expires_at IS NULL OR authorization_code_expires_at < :now)
				  AND (access_token_expires_at IS NOT NULL OR authorization_code_expires_at IS NOT NULL)""")
			.param("now", cutoff)
			.update();
		return spent + authorizations;
	}
}
