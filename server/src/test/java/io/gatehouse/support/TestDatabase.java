package io.gatehouse.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which database the integration tests run on: the {@code gatehouse.test.db} system property says {@code h2}
 * (the default) or {@code postgresql}; Maven's test run does both. On PostgreSQL each run gets freshly created
 * databases. When PostgreSQL cannot be reached the tests are skipped with a loud reason, except in CI
 * ({@code CI=true}), where that is a failure.
 *
 * {@code -Dgatehouse.test.pg.isolation=serializable} (or the environment variable
 * {@code GATEHOUSE_TEST_PG_ISOLATION}) runs every transaction of the PostgreSQL run at that isolation level, through
 * the connection's {@code default_transaction_isolation}: the writes' retries on serialization failures are then
 * exercised by the whole suite.
 */
public final class TestDatabase implements ExecutionCondition {

	private static final Set<String> CREATED = new HashSet<>();

	public static boolean isPostgres() {
		return "postgresql".equalsIgnoreCase(System.getProperty("gatehouse.test.db", "h2"));
	}

	/** A JDBC URL of a database of this name, created empty the first time it is asked for in this JVM. */
	public static synchronized String url(String baseName) {
		// several checkouts may test on one PostgreSQL at once; each sets its own suffix so none drops another's
		// (a branch name often has a hyphen, which an unquoted database name cannot)
		String name = baseName
				+ System.getenv().getOrDefault("GATEHOUSE_TEST_DB_SUFFIX", "").replaceAll("[^A-Za-z0-9_]", "_");
		if (!isPostgres()) {
			return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		}
		if (CREATED.add(name)) {
			try (Connection connection = DriverManager.getConnection(adminUrl(), user(), "");
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
				statement.execute("CREATE DATABASE " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot create the test database " + name + " at " + adminUrl(), ex);
			}
		}
		return baseUrl().substring(0, baseUrl().lastIndexOf('/') + 1) + name + isolationOption();
	}

	/** The isolation level every PostgreSQL test connection starts its transactions at, as a URL option. */
	private static String isolationOption() {
		String isolation = System.getProperty("gatehouse.test.pg.isolation", "");
		if (isolation.isBlank()) {
			isolation = System.getenv().getOrDefault("GATEHOUSE_TEST_PG_ISOLATION", "");
		}
		if (isolation.isBlank()) {
			return "";
		}
		if (!isolation.matches("[a-z ]+")) {
			throw new IllegalArgumentException("Not an isolation level: " + isolation);
		}
		return "?options=-c%20default_transaction_isolation%3D" + isolation.strip().replace(" ", "%5C%20");
	}

	public static String user() {
		return isPostgres() ? System.getProperty("gatehouse.test.pg.user", "postgres") : "sa";
	}

	private static String baseUrl() {
		return System.getProperty("gatehouse.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/gatehouse_test");
	}

	private static String adminUrl() {
		return baseUrl().substring(0, baseUrl().lastIndexOf('/') + 1) + "postgres";
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!isPostgres()) {
			return ConditionEvaluationResult.enabled("H2");
		}
		try (Connection connection = DriverManager.getConnection(adminUrl(), user(), "")) {
			return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + adminUrl());
		}
		catch (SQLException ex) {
			String reason = "PostgreSQL is not reachable at " + adminUrl() + " (" + ex.getMessage() + ")";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(reason + ": in CI the PostgreSQL run must not be skipped", ex);
			}
			System.err.println("SKIPPED on PostgreSQL: " + reason);
			return ConditionEvaluationResult.disabled("SKIPPED on PostgreSQL: " + reason);
		}
	}
}
