package io.gatehouse.settings;

import java.time.OffsetDateTime;
import java.util.Map;

import io.gatehouse.support.TestDatabase;
import io.gatehouse.DatabaseConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A database whose stored password preset is the former code {@code seed} holds {@code complexity} after V16. */
@ExtendWith(TestDatabase.class)
class PasswordPresetMigrationIntegrationTests {

	@Test
	void rewritesTheStoredFormerPresetCode() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				TestDatabase.url("gatehouse_preset_migration_test"), TestDatabase.user(), "");
		migrate(dataSource, "14");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("INSERT INTO settings_value (name, setting_value, updated_at) VALUES ('passwordPreset', 'seed', ?)")
			.param(OffsetDateTime.now()).update();
		jdbc.sql("INSERT INTO settings_value (name, setting_value, updated_at) VALUES ('deletePolicy', 'allowed', ?)")
			.param(OffsetDateTime.now()).update();

		migrate(dataSource, "latest");

		assertThat(jdbc.sql("SELECT name, setting_value FROM settings_value").query().listOfRows())
			.containsExactlyInAnyOrder(Map.of("name", "passwordPreset", "setting_value", "complexity"),
					Map.of("name", "deletePolicy", "setting_value", "allowed"));
	}

	private static void migrate(DriverManagerDataSource dataSource, String target) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
			.placeholders(DatabaseConfiguration.migrationPlaceholders(TestDatabase.isPostgres()))
			.target(target).load().migrate();
	}

}
