package io.gatehouse.database;

import io.gatehouse.DatabaseConfiguration;
import io.gatehouse.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database migrated before some applied migrations' comments were reworded still starts: their checksums move to
 * the reworded files' ones. A migration whose statements changed is still refused.
 */
@ExtendWith(TestDatabase.class)
class RewordedMigrationsIntegrationTests {

	private DriverManagerDataSource dataSource;

	private JdbcClient jdbc;

	@Test
	void aDatabaseMigratedBeforeTheRewordingValidatesAndKeepsTheNewChecksums() {
		database("gatehouse_reworded_test");
		migrate(true);
		int reworded2 = checksum("2");
		int reworded5 = checksum("5");
		setChecksum("2", RewordedMigrations.REWORDED.get("2")[0]);
		setChecksum("5", RewordedMigrations.REWORDED.get("5")[0]);
		assertThatThrownBy(() -> migrate(false)).isInstanceOf(FlywayValidateException.class);

		migrate(true);

		assertThat(checksum("2")).isEqualTo(reworded2).isEqualTo(RewordedMigrations.REWORDED.get("2")[1]);
		assertThat(checksum("5")).isEqualTo(reworded5).isEqualTo(RewordedMigrations.REWORDED.get("5")[1]);
	}

	@Test
	void aMigrationWhoseStatementsChangedIsStillRefused() {
		database("gatehouse_reworded_changed_test");
		migrate(true);
		setChecksum("2", 12345);

		assertThatThrownBy(() -> migrate(true)).isInstanceOf(FlywayValidateException.class)
			.hasMessageContaining("Migration checksum mismatch for migration version 2");
		assertThat(checksum("2")).isEqualTo(12345);
	}

	private void database(String name) {
		dataSource = new DriverManagerDataSource(TestDatabase.url(name), TestDatabase.user(), "");
		jdbc = JdbcClient.create(dataSource);
	}

	private void migrate(boolean withRewording) {
		var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
			.placeholders(DatabaseConfiguration.migrationPlaceholders(TestDatabase.isPostgres()));
		if (withRewording) {
			configuration.callbacks(new RewordedMigrations());
		}
		configuration.load().migrate();
	}

	private int checksum(String version) {
		return jdbc.sql("SELECT checksum FROM \"flyway_schema_history\" WHERE version = ?").param(version)
			.query(Integer.class).single();
	}

	private void setChecksum(String version, int checksum) {
		jdbc.sql("UPDATE \"flyway_schema_history\" SET checksum = ? WHERE version = ?").param(checksum).param(version)
			.update();
	}
}
