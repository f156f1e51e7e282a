package io.gatehouse.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks every {@code gatehouse.database.probe-interval} (1 s) that the database answers, over one connection of its
 * own outside the pool and on a thread of its own: so the answer never waits behind requests queued for the pool,
 * and readiness, the refusals of requests and the background polls all read the latest result at once.
 *
 * A check fails after {@code gatehouse.database.probe-timeout} (2 s) at the latest; the connection is then closed and
 * opened afresh at the next check. Two failed checks in a row mark the database away (one slow check on a busy
 * machine does not), one good check marks it back. Going away and coming back are logged once each.
 */
@Component
public class DatabaseProbe {

	private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

	private final DataSource dataSource;

	private final Duration interval;

	private final Duration timeout;

	private volatile boolean reachable = true;

	private volatile String lastFailure;

	private int failuresInARow;

	private Connection connection;

	private ScheduledExecutorService executor;

	public DatabaseProbe(DataSource dataSource, @Value("${gatehouse.database.probe-interval:1s}") Duration interval,
			@Value("${gatehouse.database.probe-timeout:2s}") Duration timeout) {
		this.dataSource = dataSource;
		this.interval = interval;
		this.timeout = timeout;
	}

	/** The result of the last check: true until one has failed. */
	public boolean reachable() {
		return reachable;
	}

	/** Why the last check failed, while the database is unreachable. */
	public String lastFailure() {
		return reachable ? null : lastFailure;
	}

	@PostConstruct
	synchronized void start() {
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "database-probe");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@PreDestroy
	synchronized void stop() {
		if (executor != null) {
			executor.shutdownNow();
			executor = null;
		}
		close();
	}

	void check() {
		try {
			if (connection == null) {
				connection = open();
			}
			if (!connection.isValid(Math.max(1, (int) timeout.toSeconds()))) {
				throw new SQLException("the connection did not answer within " + timeout.toSeconds() + " s", "08006");
			}
			if (!reachable) {
				log.info("The database can be reached again");
			}
			failuresInARow = 0;
			reachable = true;
		}
		catch (SQLException | RuntimeException ex) {
			close();
			lastFailure = ex.getMessage();
			if (++failuresInARow < 2) {
				return;
			}
			if (reachable) {
				log.warn("The database cannot be reached: requests are answered 503 and background work waits until "
						+ "it can ({})", ex.getMessage());
			}
			reachable = false;
		}
	}

	private Connection open() throws SQLException {
		if (!(dataSource instanceof HikariDataSource hikari) || hikari.getJdbcUrl() == null) {
			// not a pool this probe can go around: ask the data source itself
			return dataSource.getConnection();
		}
		Properties properties = new Properties();
		if (hikari.getUsername() != null) {
			properties.setProperty("user", hikari.getUsername());
		}
		if (hikari.getPassword() != null) {
			properties.setProperty("password", hikari.getPassword());
		}
		if (hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
			properties.setProperty("connectTimeout", seconds);
			properties.setProperty("loginTimeout", seconds);
			properties.setProperty("socketTimeout", Long.toString(Math.max(1, timeout.toSeconds()) + 1));
			properties.setProperty("ApplicationName", "gatehouse-probe");
		}
		return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
	}

	private void close() {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// it is being dropped because it failed
			}
			connection = null;
		}
	}
}
