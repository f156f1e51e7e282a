package io.gatehouse.users;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.gatehouse.database.DatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the users search runs on PostgreSQL, and a way to make one of its statements read the trigram index:
 * PostgreSQL cannot estimate how many rows {@code LIKE '%text%'} matches, so for a text known to be rare the other
 * plans are switched off for the statement (in the caller's transaction, then restored).
 */
@Component
class TrigramPlanStore {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private volatile Boolean postgres;

	TrigramPlanStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	boolean isPostgres() {
		Boolean known = postgres;
		if (known == null) {
			try (Connection connection = dataSource.getConnection()) {
				known = DatabaseKind.isPostgres(connection);
			}
			catch (SQLException ex) {
				return false;
			}
			postgres = known;
		}
		return known;
	}

	<T> T withTrigramIndexOnly(Supplier<T> statement) {
		jdbc.sql("SET LOCAL enable_seqscan = off").update();
		jdbc.sql("SET LOCAL enable_indexscan = off").update();
		jdbc.sql("SET LOCAL enable_indexonlyscan = off").update();
		try {
			return statement.get();
		}
		finally {
			jdbc.sql("SET LOCAL enable_seqscan TO DEFAULT").update();
			jdbc.sql("SET LOCAL enable_indexscan TO DEFAULT").update();
			jdbc.sql("SET LOCAL enable_indexonlyscan TO DEFAULT").update();
		}
	}
}
