package io.gatehouse.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which of the two supported databases a connection leads to: PostgreSQL, or else the embedded H2. */
public final class DatabaseKind {

	private DatabaseKind() {
	}

	public static boolean isPostgres(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
	}
}
