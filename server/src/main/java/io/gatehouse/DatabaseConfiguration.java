package io.gatehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import io.gatehouse.database.DatabaseKind;
import io.gatehouse.database.RewordedMigrations;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets the one migration set say the little that differs between H2 and PostgreSQL through Flyway placeholders,
 * instead of keeping a second set of migrations per database.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

	@Bean
	FlywayConfigurationCustomizer databasePlaceholders(DataSource dataSource) {
		return configuration -> configuration.placeholders(migrationPlaceholders(isPostgres(dataSource)))
			.callbacks(new RewordedMigrations());
	}

	/** What the migrations' placeholders stand for on PostgreSQL or on H2 (tests that run Flyway themselves use it). */
	public static Map<String, String> migrationPlaceholders(boolean postgres) {
		return Map.of("search_collation", postgres ? "COLLATE \"C\"" : "",
				// PostgreSQL writes a generated column's value to the row; H2 has only that kind, without the word
				"generated_stored", postgres ? "STORED" : "",
				// a statement only PostgreSQL runs (an extension, a GIN index) starts with this: a comment on H2
				"postgres_only", postgres ? "" : "--");
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return DatabaseKind.isPostgres(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reach the database to prepare migrations", ex);
		}
	}
}
