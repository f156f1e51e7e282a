package io.gatehouse.oidc;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The authorization server's JDBC authorization service, with its own row and parameter mappers (so its JSON columns
 * are written and read one way only), plus what it lacks for speed:
 * <ul>
 * <li>each token's SHA-256 is written in the same statement as the token, one insert or one update per save instead
 * of the service's read, write and a second update for the hashes;</li>
 * <li>an authorization is found by a token's hash in one indexed query that returns the row itself, instead of the
 * service's scan of the unbounded value columns (or a lookup of the id and a second read by it).</li>
 * </ul>
 * The column list is the service's own ({@code COLUMN_NAMES}), in the order its parameter mapper produces them.
 */
class AuthorizationRowStore extends JdbcOAuth2AuthorizationService {

	private static final String COLUMNS = "id, registered_client_id, principal_name, authorization_grant_type, "
			+ "authorized_scopes, attributes, state, authorization_code_value, authorization_code_issued_at, "
			+ "authorization_code_expires_at, authorization_code_metadata, access_token_value, access_token_issued_at, "
			+ "access_token_expires_at, access_token_metadata, access_token_type, access_token_scopes, "
			+ "oidc_id_token_value, oidc_id_token_issued_at, oidc_id_token_expires_at, oidc_id_token_metadata, "
			+ "refresh_token_value, refresh_token_issued_at, refresh_token_expires_at, refresh_token_metadata, "
			+ "user_code_value, user_code_issued_at, user_code_expires_at, user_code_metadata, device_code_value, "
			+ "device_code_issued_at, device_code_expires_at, device_code_metadata";

	private static final String HASH_COLUMNS = "authorization_code_hash, access_token_hash, refresh_token_hash, "
			+ "oidc_id_token_hash";

	private static final String INSERT = "INSERT INTO oauth2_authorization (" + COLUMNS + ", " + HASH_COLUMNS
			+ ") VALUES (" + "?, ".repeat(36) + "?)";

	private static final String UPDATE = "UPDATE oauth2_authorization SET "
			+ String.join(" = ?, ", (COLUMNS.substring("id, ".length()) + ", " + HASH_COLUMNS).split(", "))
			+ " = ? WHERE id = ?";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM oauth2_authorization WHERE ";

	AuthorizationRowStore(JdbcOperations jdbc, RegisteredClientRepository clients) {
		super(jdbc, clients);
	}

	void insert(OAuth2Authorization authorization) {
		List<SqlParameterValue> values = new ArrayList<>(getAuthorizationParametersMapper().apply(authorization));
		values.addAll(hashes(authorization));
		getJdbcOperations().update(INSERT, values.toArray());
	}

	void update(OAuth2Authorization authorization) {
		List<SqlParameterValue> values = new ArrayList<>(getAuthorizationParametersMapper().apply(authorization));
		SqlParameterValue id = values.remove(0);
		values.addAll(hashes(authorization));
		values.add(id);
		getJdbcOperations().update(UPDATE, values.toArray());
	}

	/** The authorization holding a token of this kind with this hash. */
	OAuth2Authorization holding(TokenHashes.Kind kind, String tokenHash) {
		return first(SELECT + kind.column + " = ?", tokenHash);
	}

	/** The authorization waiting for the user's consent under this state. */
	OAuth2Authorization withState(String state) {
		return first(SELECT + "state = ?", state);
	}

	/** The authorization holding this state or a token of any kind with this hash (one index lookup each). */
	OAuth2Authorization holdingAny(String state, String tokenHash) {
		StringBuilder sql = new StringBuilder(SELECT).append("state = ?");
		for (TokenHashes.Kind kind : TokenHashes.Kind.values()) {
			sql.append(" UNION ALL ").append(SELECT).append(kind.column).append(" = ?");
		}
		return first(sql.toString(), state, tokenHash, tokenHash, tokenHash, tokenHash);
	}

	private OAuth2Authorization first(String sql, Object... arguments) {
		List<OAuth2Authorization> found = getJdbcOperations().query(sql, getAuthorizationRowMapper(), arguments);
		return found.isEmpty() ? null : found.get(0);
	}

	private static List<SqlParameterValue> hashes(OAuth2Authorization authorization) {
		TokenHashes hashes = TokenHashes.of(authorization);
		return List.of(varchar(hashes.code()), varchar(hashes.access()), varchar(hashes.refresh()),
				varchar(hashes.idToken()));
	}

	private static SqlParameterValue varchar(String value) {
		return new SqlParameterValue(java.sql.Types.VARCHAR, value);
	}
}
