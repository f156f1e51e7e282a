package db.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The OpenID Provider looks its tokens up by a SHA-256 of their value in indexed columns, instead of comparing the
 * unindexed values themselves (a full scan of oauth2_authorization at every introspection, revocation, userinfo and
 * refresh). A Java migration because the tokens already issued are hashed here, and SHA-256 has no function common to
 * PostgreSQL and H2. Kept to its own code: a migration must do the same thing whatever the application becomes.
 */
public class V27__oidc_token_hashes extends BaseJavaMigration {

	/** Each hash column and the value column it is the SHA-256 (hex) of. */
	static final String[][] COLUMNS = { { "authorization_code_hash", "authorization_code_value" },
			{ "access_token_hash", "access_token_value" }, { "refresh_token_hash", "refresh_token_value" },
			{ "oidc_id_token_hash", "oidc_id_token_value" } };

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (Statement ddl = connection.createStatement()) {
			for (String[] column : COLUMNS) {
				ddl.execute("ALTER TABLE oauth2_authorization ADD COLUMN " + column[0] + " VARCHAR(64)");
			}
		}
		backfill(connection);
		try (Statement ddl = connection.createStatement()) {
			for (String[] column : COLUMNS) {
				ddl.execute("CREATE INDEX oauth2_authorization_" + column[0].replace("_hash", "") + "_ix"
						+ " ON oauth2_authorization (" + column[0] + ")");
			}
			// the consent step finds its authorization by the state it sent to the consent page
			ddl.execute("CREATE INDEX oauth2_authorization_state_ix ON oauth2_authorization (state)");
		}
	}

	/** Hashes the tokens of the authorizations already there. */
	public static void backfill(Connection connection) throws SQLException {
		for (String[] column : COLUMNS) {
			try (Statement select = connection.createStatement();
					ResultSet rows = select.executeQuery("SELECT id, " + column[1] + " FROM oauth2_authorization WHERE "
							+ column[1] + " IS NOT NULL AND " + column[0] + " IS NULL");
					PreparedStatement update = connection.prepareStatement(
							"UPDATE oauth2_authorization SET " + column[0] + " = ? WHERE id = ?")) {
				int pending = 0;
				while (rows.next()) {
					update.setString(1, sha256(rows.getString(2)));
					update.setString(2, rows.getString(1));
					update.addBatch();
					if (++pending == 500) {
						update.executeBatch();
						pending = 0;
					}
				}
				if (pending > 0) {
					update.executeBatch();
				}
			}
		}
	}

	static String sha256(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}
}
