package io.gatehouse.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Some applied migrations had comments reworded after they ran. A comment changes a migration's checksum, so an
 * existing database would fail validation on the next start. Before Flyway validates, this moves exactly those
 * migrations from the checksum they were applied with to the reworded file's one. A migration whose stored checksum
 * is anything else (a statement really changed) is left alone, and validation still refuses it.
 */
public final class RewordedMigrations extends BaseCallback {

	/** version → (checksum as applied, checksum of today's file); the files differ only in comments. */
	static final Map<String, int[]> REWORDED = Map.of(
			"2", new int[] { 57993107, -2029476548 },
			"5", new int[] { -760418218, -1833336488 });

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_VALIDATE;
	}

	@Override
	public void handle(Event event, Context context) {
		Connection connection = context.getConnection();
		try {
			String table = historyTable(connection, context.getConfiguration().getTable());
			if (table == null) {
				return;
			}
			try (PreparedStatement update = connection
				.prepareStatement("UPDATE " + table + " SET checksum = ? WHERE version = ? AND checksum = ?")) {
				for (Map.Entry<String, int[]> migration : REWORDED.entrySet()) {
					update.setInt(1, migration.getValue()[1]);
					update.setString(2, migration.getKey());
					update.setInt(3, migration.getValue()[0]);
					update.executeUpdate();
				}
			}
		}
		catch (SQLException ex) {
			throw new FlywayException("Cannot record the reworded migrations' checksums", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "reworded-migrations";
	}

	/** The schema history table as the database spells it, or null before the first migration made it. */
	private static String historyTable(Connection connection, String name) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		for (String spelling : new String[] { name, name.toUpperCase(Locale.ROOT) }) {
			try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), spelling,
					null)) {
				if (tables.next()) {
					return "\"" + tables.getString("TABLE_NAME") + "\"";
				}
			}
		}
		return null;
	}
}
