package io.gatehouse.applications;

import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Repository;

/**
 * What the authorization server's client repository does not do: list the clients, and delete one with every
 * authorization and consent it holds. Reading and saving one client is the repository's, so that its JSON columns
 * are written one way only.
 */
@Repository
class ApplicationStore {

	private final JdbcOperations jdbc;

	ApplicationStore(JdbcOperations jdbc) {
		this.jdbc = jdbc;
	}

	List<RegisteredClient> list() {
		return jdbc.query("""
				SELECT id, client_id, client_id_issued_at, client_secret, client_secret_expires_at, client_name,
				       client_authentication_methods, authorization_grant_types, redirect_uris,
				       post_logout_redirect_uris, scopes, client_settings, token_settings
				FROM oauth2_registered_client ORDER BY client_name, id""",
				new JdbcRegisteredClientRepository.JsonMapperRegisteredClientRowMapper());
	}

	void delete(String id) {
		jdbc.update("DELETE FROM oauth2_authorization WHERE registered_client_id = ?", id);
		jdbc.update("DELETE FROM oauth2_authorization_consent WHERE registered_client_id = ?", id);
		jdbc.update("DELETE FROM oauth2_registered_client WHERE id = ?", id);
	}
}
