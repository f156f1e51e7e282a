package io.gatehouse.sso;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.Timestamps;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The providers and their claim mappings. Lists are small (a handful of providers), so they are read whole. */
@Repository
class ProviderStore {

	private static final String COLUMNS = """
			id, alias, display_name, protocol, issuer, discovery_url, client_id, client_secret, scopes, enabled,
			provisioning, default_role, default_groups, link_by_email, trust_provider_mfa, trusted_acr_values,
			created_at, updated_at, version, saml_metadata""";

	private final JdbcClient jdbc;

	ProviderStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A provider with its stored (sealed) client secret, and a SAML provider's metadata. */
	record Stored(IdentityProvider provider, String sealedSecret, String samlMetadata) {
	}

	List<Stored> list() {
		List<Stored> rows = jdbc.sql("SELECT " + COLUMNS + " FROM sso_provider ORDER BY alias").query(this::map).list();
		Map<UUID, List<ClaimMapping>> mappings = allMappings();
		return rows.stream().map(row -> withMappings(row, mappings.getOrDefault(row.provider().id(), List.of()))).toList();
	}

	Optional<Stored> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM sso_provider WHERE id = ?")
			.param(id)
			.query(this::map)
			.optional()
			.map(row -> withMappings(row, mappingsOf(id)));
	}

	Optional<Stored> findByAlias(String alias) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM sso_provider WHERE alias = ?")
			.param(alias)
			.query(this::map)
			.optional()
			.map(row -> withMappings(row, mappingsOf(row.provider().id())));
	}

	boolean aliasTaken(String alias) {
		return jdbc.sql("SELECT COUNT(*) FROM sso_provider WHERE alias = ?").param(alias).query(Integer.class).single() > 0;
	}

	void insert(IdentityProvider provider, String sealedSecret, String samlMetadata) {
		jdbc.sql("""
				INSERT INTO sso_provider (id, alias, display_name, protocol, issuer, discovery_url, client_id,
				    client_secret, scopes, enabled, provisioning, default_role, default_groups, link_by_email,
				    trust_provider_mfa, trusted_acr_values, created_at, updated_at, version, saml_metadata)
				VALUES (:id, :alias, :displayName, :protocol, :issuer, :discoveryUrl, :clientId, :clientSecret, :scopes,
				    :enabled, :provisioning, :defaultRole, :defaultGroups, :linkByEmail, :trustProviderMfa, :trustedAcrValues, :createdAt,
				    :updatedAt, :version, :samlMetadata)""")
			.paramSource(params(provider, sealedSecret, samlMetadata).addValue("alias", provider.alias())
				.addValue("protocol", provider.protocol())
				.addValue("issuer", provider.issuer())
				.addValue("createdAt", Timestamps.of(provider.createdAt())))
			.update();
		insertMappings(provider.id(), provider.mappings());
	}

	/** Writes the provider if it is still at {@code expectedVersion}; false when another change came first. */
	boolean update(IdentityProvider provider, String sealedSecret, String samlMetadata, long expectedVersion) {
		int rows = jdbc.sql("""
				UPDATE sso_provider SET display_name = :displayName, discovery_url = :discoveryUrl, client_id = :clientId,
				    client_secret = :clientSecret, scopes = :scopes, enabled = :enabled, provisioning = :provisioning,
				    default_role = :defaultRole, default_groups = :defaultGroups, link_by_email = :linkByEmail,
				    trust_provider_mfa = :trustProviderMfa, trusted_acr_values = :trustedAcrValues, updated_at = :updatedAt, version = :version,
				    saml_metadata = :samlMetadata
				WHERE id = :id AND version = :expectedVersion""")
			.paramSource(params(provider, sealedSecret, samlMetadata).addValue("expectedVersion", expectedVersion))
			.update();
		if (rows == 0) {
			return false;
		}
		jdbc.sql("DELETE FROM sso_mapping WHERE provider_id = ?").param(provider.id()).update();
		insertMappings(provider.id(), provider.mappings());
		return true;
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM sso_provider WHERE id = ?").param(id).update() > 0;
	}

	private static MapSqlParameterSource params(IdentityProvider provider, String sealedSecret, String samlMetadata) {
		return new MapSqlParameterSource().addValue("id", provider.id())
			.addValue("samlMetadata", samlMetadata)
			.addValue("displayName", provider.displayName())
			.addValue("discoveryUrl", provider.discoveryUrl())
			.addValue("clientId", provider.clientId())
			.addValue("clientSecret", sealedSecret)
			.addValue("scopes", String.join(" ", provider.scopes()))
			.addValue("enabled", provider.enabled())
			.addValue("provisioning", provider.provisioning().code())
			.addValue("defaultRole", provider.defaultRole())
			.addValue("defaultGroups", String.join(",", provider.defaultGroups().stream().map(UUID::toString).toList()))
			.addValue("linkByEmail", provider.linkByEmail())
			.addValue("trustProviderMfa", provider.trustProviderMfa())
			.addValue("trustedAcrValues", String.join(" ", provider.trustedAcrValues()))
			.addValue("updatedAt", Timestamps.of(provider.updatedAt()))
			.addValue("version", provider.version());
	}

	private void insertMappings(UUID providerId, List<ClaimMapping> mappings) {
		for (int i = 0; i < mappings.size(); i++) {
			ClaimMapping mapping = mappings.get(i);
			jdbc.sql("""
					INSERT INTO sso_mapping (provider_id, position, claim, claim_value, group_id, role_id, resource_id)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(providerId, i, mapping.claim(), mapping.value(), mapping.groupId(), mapping.roleId(),
						mapping.resourceId())
				.update();
		}
	}

	private List<ClaimMapping> mappingsOf(UUID providerId) {
		return jdbc.sql("""
				SELECT claim, claim_value, group_id, role_id, resource_id FROM sso_mapping
				WHERE provider_id = ? ORDER BY position""")
			.param(providerId)
			.query((rs, row) -> mapping(rs))
			.list();
	}

	private Map<UUID, List<ClaimMapping>> allMappings() {
		Map<UUID, List<ClaimMapping>> all = new LinkedHashMap<>();
		jdbc.sql("SELECT provider_id, claim, claim_value, group_id, role_id, resource_id FROM sso_mapping ORDER BY provider_id, position")
			.query((rs, row) -> {
				all.computeIfAbsent(rs.getObject("provider_id", UUID.class), id -> new ArrayList<>()).add(mapping(rs));
				return null;
			})
			.list();
		return all;
	}

	private static ClaimMapping mapping(ResultSet rs) throws SQLException {
		return new ClaimMapping(rs.getString("claim"), rs.getString("claim_value"), rs.getObject("group_id", UUID.class),
				rs.getObject("role_id", UUID.class), rs.getObject("resource_id", UUID.class));
	}

	private Stored map(ResultSet rs, int row) throws SQLException {
		String groups = rs.getString("default_groups");
		List<UUID> defaultGroups = groups.isEmpty() ? List.of()
				: Arrays.stream(groups.split(",")).map(UUID::fromString).toList();
		Instant created = Timestamps.read(rs, "created_at");
		IdentityProvider provider = new IdentityProvider(rs.getObject("id", UUID.class), rs.getString("alias"),
				rs.getString("display_name"), rs.getString("protocol"), rs.getString("issuer"),
				rs.getString("discovery_url"), rs.getString("client_id"), rs.getString("client_secret") != null,
				rs.getString("scopes").isEmpty() ? List.of() : List.of(rs.getString("scopes").split(" ")),
				rs.getBoolean("enabled"),
				Provisioning.of(rs.getString("provisioning")), rs.getObject("default_role", UUID.class), defaultGroups,
				rs.getBoolean("link_by_email"), rs.getBoolean("trust_provider_mfa"),
				rs.getString("trusted_acr_values").isEmpty() ? List.of()
						: List.of(rs.getString("trusted_acr_values").split(" ")),
				List.of(), created,
				Timestamps.read(rs, "updated_at"), rs.getLong("version"));
		return new Stored(provider, rs.getString("client_secret"), rs.getString("saml_metadata"));
	}

	private static Stored withMappings(Stored row, List<ClaimMapping> mappings) {
		IdentityProvider p = row.provider();
		return new Stored(new IdentityProvider(p.id(), p.alias(), p.displayName(), p.protocol(), p.issuer(),
				p.discoveryUrl(), p.clientId(), p.clientSecretSet(), p.scopes(), p.enabled(), p.provisioning(),
				p.defaultRole(), p.defaultGroups(), p.linkByEmail(), p.trustProviderMfa(), p.trustedAcrValues(), mappings, p.createdAt(),
				p.updatedAt(), p.version()), row.sealedSecret(), row.samlMetadata());
	}
}
