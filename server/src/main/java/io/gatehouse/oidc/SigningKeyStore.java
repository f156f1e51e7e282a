package io.gatehouse.oidc;

import java.time.Instant;
import java.util.List;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signing keys every node shares. */
@Repository
class SigningKeyStore {

	record StoredKey(String kid, String privateJwk, Instant createdAt, Instant retiredAt) {
	}

	private final JdbcClient jdbc;

	SigningKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every key still published, the newest first. */
	List<StoredKey> published() {
		return jdbc.sql("""
				SELECT kid, private_jwk, created_at, retired_at FROM oidc_signing_key
				ORDER BY created_at DESC, kid""")
			.query((rs, row) -> new StoredKey(rs.getString("kid"), rs.getString("private_jwk"),
					Timestamps.read(rs, "created_at"), Timestamps.read(rs, "retired_at")))
			.list();
	}

	void insert(String kid, String privateJwk, Instant now) {
		jdbc.sql("INSERT INTO oidc_signing_key (kid, private_jwk, created_at) VALUES (:kid, :jwk, :now)")
			.param("kid", kid)
			.param("jwk", privateJwk)
			.param("now", Timestamps.of(now))
			.update();
	}

	/** Retires every active key but {@code keep}: they sign nothing more, but stay published. */
	int retireAllBut(String keep, Instant now) {
		return jdbc.sql("UPDATE oidc_signing_key SET retired_at = :now WHERE retired_at IS NULL AND kid <> :keep")
			.param("now", Timestamps.of(now))
			.param("keep", keep)
			.update();
	}

	/** Drops keys retired before {@code cutoff}: nothing they signed is still valid. */
	int deleteRetiredBefore(Instant cutoff) {
		return jdbc.sql("DELETE FROM oidc_signing_key WHERE retired_at IS NOT NULL AND retired_at < :cutoff")
			.param("cutoff", Timestamps.of(cutoff))
			.update();
	}
}
