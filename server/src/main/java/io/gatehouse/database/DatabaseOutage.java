package io.gatehouse.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure that says the database cannot be reached (no connection within the pool's timeout, a connection
 * cut, the server shutting down or starting) from one about the request: the first is answered 503 with a time to
 * retry, never 500.
 */
public final class DatabaseOutage {

	/** What a refused client is told to wait before trying again, in seconds. */
	public static final int RETRY_AFTER_SECONDS = 5;

	public static final String DETAIL = "The database cannot be reached at the moment; nothing was changed. Try again in a few seconds.";

	private DatabaseOutage() {
	}

	public static boolean isCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			// a rollback that failed on the connection the outage closed hides the failure that made it roll back
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& isCause(rollback.getApplicationException())) {
				return true;
			}
			// the pool's own answer for a connection it closed after an outage, without a SQLSTATE
			if (cause instanceof SQLException sql && sql.getSQLState() == null
					&& "Connection is closed".equals(sql.getMessage())) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					// 08: connection exceptions; 57P01-57P03: the server shutting down, crashed or starting up
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
				return true;
			}
		}
		return false;
	}
}
