package io.gatehouse.oidc;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import db.migration.V27__oidc_token_hashes;
import io.gatehouse.shared.RandomSecrets;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Introspection, revocation, userinfo and refresh find a token by its SHA-256 in an indexed column, not by comparing
 * the unindexed token values (a full scan of every authorization at each call).
 */
class OidcTokenLookupIntegrationTests extends ApiIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Test
	void everyTokenOfACodeFlowIsFoundByItsHash() {
		Map<String, Object> user = createUser(unique("rp-lookup"));
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", true,
				List.of("authorization_code", "refresh_token"), List.of("openid", "profile"));
		OidcBrowser browser = new OidcBrowser(port);
		String verifier = OidcClient.verifier();
		HttpResponse<String> back = browser.signIn(
				browser.open(app.client().authorizeUrl("openid profile", verifier, OidcClient.REDIRECT)),
				(String) user.get("username"), PASSWORD);
		String code = OidcClient.callback(back.headers().firstValue("Location").orElseThrow()).get("code");
		Map<String, Object> tokens = app.client().exchange(code, verifier);
		String access = (String) tokens.get("access_token");
		String refresh = (String) tokens.get("refresh_token");

		Map<String, Object> row = jdbc.sql("""
				SELECT authorization_code_hash, access_token_hash, refresh_token_hash, oidc_id_token_hash
				FROM oauth2_authorization WHERE refresh_token_hash = :hash""").param("hash", RandomSecrets.hash(refresh))
			.query().singleRow();
		assertThat(row).containsEntry("authorization_code_hash", RandomSecrets.hash(code))
			.containsEntry("access_token_hash", RandomSecrets.hash(access))
			.containsEntry("oidc_id_token_hash", RandomSecrets.hash((String) tokens.get("id_token")));

		// with and without a token type hint, as the endpoints ask
		assertThat(app.client().introspect(access)).containsEntry("active", true);
		assertThat(app.client().introspect(refresh)).containsEntry("active", true);
		app.client().userinfo(access).expectStatus().isOk();
		Map<String, Object> refreshed = app.client().refresh(refresh).expectStatus().isOk().expectBody(JSON).returnResult()
			.getResponseBody();
		String newAccess = (String) refreshed.get("access_token");
		assertThat(jdbc.sql("SELECT access_token_hash FROM oauth2_authorization WHERE refresh_token_hash = :hash")
			.param("hash", RandomSecrets.hash((String) refreshed.get("refresh_token"))).query(String.class).single())
			.isEqualTo(RandomSecrets.hash(newAccess));
		assertThat(app.client().introspect(access)).containsEntry("active", false);
		assertThat(app.client().introspect(newAccess)).containsEntry("active", true);
		app.client().revoke((String) refreshed.get("refresh_token")).expectStatus().isOk();
		assertThat(app.client().introspect(newAccess)).containsEntry("active", false);
	}

	@Test
	void aTokenIsFoundByItsHashAloneNotByItsValue() {
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", true,
				List.of("client_credentials"), List.of());
		String token = (String) app.client().token(Map.of("grant_type", "client_credentials")).expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody().get("access_token");
		// not introspected first: the node would keep what it found, and this test changes the table behind its back
		assertThat(jdbc.sql("UPDATE oauth2_authorization SET access_token_hash = NULL WHERE access_token_value = :token")
			.param("token", token).update()).isEqualTo(1);
		// the value is still there, but without its hash the token is not found
		assertThat(app.client().introspect(token)).containsEntry("active", false);
	}

	@Test
	void theMigrationHashesTheTokensIssuedBeforeIt() throws Exception {
		OidcApplications.Registered app = OidcApplications.register(admin(), port, "confidential", true,
				List.of("client_credentials"), List.of());
		String token = (String) app.client().token(Map.of("grant_type", "client_credentials")).expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody().get("access_token");
		jdbc.sql("UPDATE oauth2_authorization SET access_token_hash = NULL WHERE access_token_value = :token")
			.param("token", token).update();
		try (Connection connection = dataSource.getConnection()) {
			V27__oidc_token_hashes.backfill(connection);
		}
		assertThat(app.client().introspect(token)).containsEntry("active", true);
	}

	@Test
	void theHashesAndTheConsentStateAreIndexed() throws Exception {
		List<String> indexed = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, "oauth2_authorization", false, false)) {
			while (indexes.next()) {
				if (indexes.getString("COLUMN_NAME") != null && indexes.getInt("ORDINAL_POSITION") == 1) {
					indexed.add(indexes.getString("COLUMN_NAME").toLowerCase());
				}
			}
		}
		assertThat(indexed).contains("authorization_code_hash", "access_token_hash", "refresh_token_hash",
				"oidc_id_token_hash", "state");
	}
}
