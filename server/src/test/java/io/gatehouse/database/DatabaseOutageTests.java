package io.gatehouse.database;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures say the database is away (answered 503), as seen when PostgreSQL was restarted under load. */
class DatabaseOutageTests {

	@Test
	void aServerShuttingDownIsAnOutage() {
		assertThat(DatabaseOutage.isCause(new RuntimeException(
				new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
	}

	@Test
	void aRollbackThatFailedOnTheClosedConnectionIsAnOutage() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new DataAccessResourceFailureException("terminating connection",
				new SQLException("FATAL: terminating connection due to administrator command", "57P01")));

		assertThat(DatabaseOutage.isCause(rollback)).isTrue();
	}

	@Test
	void aConstraintIsNoOutage() {
		assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("duplicate",
				new SQLException("duplicate key", "23505")))).isFalse();
		assertThat(DatabaseOutage.isCause(new IllegalStateException("a bug"))).isFalse();
	}
}
