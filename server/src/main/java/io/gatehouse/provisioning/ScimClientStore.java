package io.gatehouse.provisioning;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registered clients. Their token's prefix, expiry and last use are read from the token row itself (a join, not
 * a copy), so the list shows what authentication really sees.
 */
@Repository
class ScimClientStore {

	private static final String SELECT = """
			SELECT c.id, c.name, c.token_id, t.display_prefix, c.created_by, c.created_at, t.expires_at, t.last_used_at
			FROM provisioning_scim_client c JOIN tokens_personal t ON t.id = c.token_id""";

	private final JdbcClient jdbc;

	ScimClientStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String name, UUID tokenId, UUID createdBy, java.time.Instant at) {
		jdbc.sql("INSERT INTO provisioning_scim_client (id, name, token_id, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, name, tokenId, createdBy, Timestamps.of(at))
			.update();
	}

	List<ScimClient> list() {
		return jdbc.sql(SELECT + " ORDER BY c.created_at, c.id").query(ScimClientStore::map).list();
	}

	Optional<ScimClient> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(ScimClientStore::map).optional();
	}

	Optional<ScimClient> byToken(UUID tokenId) {
		return jdbc.sql(SELECT + " WHERE c.token_id = ?").param(tokenId).query(ScimClientStore::map).optional();
	}

	private static ScimClient map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ScimClient(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("token_id", UUID.class),
				rs.getString("display_prefix"), rs.getObject("created_by", UUID.class),
				Timestamps.read(rs, "created_at"), Timestamps.read(rs, "expires_at"),
				Timestamps.read(rs, "last_used_at"));
	}
}
