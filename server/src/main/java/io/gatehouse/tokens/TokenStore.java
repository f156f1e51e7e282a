package io.gatehouse.tokens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.gatehouse.access.PermissionPattern;
import io.gatehouse.access.TokenScope;
import io.gatehouse.shared.Timestamps;
import io.gatehouse.shared.LostRaces;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TokenStore {

	private static final String COLUMNS = "id, user_id, name, display_prefix, created_at, expires_at, last_used_at, "
			+ "scopes, scope_resource_id";

	private final JdbcClient jdbc;

	TokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static PersonalAccessToken map(ResultSet rs, int row) throws SQLException {
		return new PersonalAccessToken(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getString("name"), rs.getString("display_prefix"), Timestamps.read(rs, "created_at"),
				Timestamps.read(rs, "expires_at"), Timestamps.read(rs, "last_used_at"), patterns(rs.getString("scopes")),
				rs.getObject("scope_resource_id", UUID.class));
	}

	// patterns are space separated: neither part of area:action may contain a space
	private static List<String> patterns(String stored) {
		return stored == null || stored.isBlank() ? List.of() : List.of(stored.split(" "));
	}

	Optional<TokenScope> scopeOf(UUID id) {
		return jdbc.sql("SELECT scopes, scope_resource_id FROM tokens_personal WHERE id = ?")
			.param(id)
			.query((rs, row) -> new TokenScope(patterns(rs.getString("scopes")).stream()
				.map(PermissionPattern::parse)
				.collect(Collectors.toSet()), rs.getObject("scope_resource_id", UUID.class)))
			.optional();
	}

	void insert(PersonalAccessToken token, String secretHash) {
		jdbc.sql("INSERT INTO tokens_personal (" + COLUMNS + ", secret_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(token.id(), token.userId(), token.name(), token.displayPrefix(), Timestamps.of(token.createdAt()),
					Timestamps.of(token.expiresAt()), null,
					token.permissions().isEmpty() ? null : String.join(" ", token.permissions()), token.resource(),
					secretHash)
			.update();
	}

	Optional<PersonalAccessToken> findBySecretHash(String secretHash) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM tokens_personal WHERE secret_hash = ?")
			.param(secretHash)
			.query(TokenStore::map)
			.optional();
	}

	Optional<PersonalAccessToken> find(UUID userId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM tokens_personal WHERE id = ? AND user_id = ?")
			.params(id, userId)
			.query(TokenStore::map)
			.optional();
	}

	List<PersonalAccessToken> listOf(UUID userId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM tokens_personal WHERE user_id = ? ORDER BY created_at, id")
			.param(userId)
			.query(TokenStore::map)
			.list();
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM tokens_personal WHERE id = ?").param(id).update() == 1;
	}

	void markUsed(UUID id, Instant at, Instant onlyIfBefore) {
		LostRaces.ignore(() -> jdbc
			.sql("UPDATE tokens_personal SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
			.params(Timestamps.of(at), id, Timestamps.of(onlyIfBefore))
			.update());
	}
}
