package io.gatehouse.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The probe marks the database away after two failed checks in a row, and back after one good check. */
class DatabaseProbeTests {

	private final DataSource dataSource = mock(DataSource.class);

	private final Connection connection = mock(Connection.class);

	private final DatabaseProbe probe = new DatabaseProbe(dataSource, Duration.ofSeconds(1), Duration.ofSeconds(2));

	@Test
	void oneSlowCheckIsNotAnOutageTwoAre() throws SQLException {
		when(dataSource.getConnection()).thenThrow(new SQLTransientConnectionException("timed out"));

		probe.check();
		assertThat(probe.reachable()).isTrue();
		probe.check();
		assertThat(probe.reachable()).isFalse();
		assertThat(probe.lastFailure()).isEqualTo("timed out");
	}

	@Test
	void oneGoodCheckBringsItBack() throws SQLException {
		when(dataSource.getConnection()).thenThrow(new SQLTransientConnectionException("refused"))
			.thenThrow(new SQLTransientConnectionException("refused"))
			.thenReturn(connection);
		when(connection.isValid(anyInt())).thenReturn(true);

		probe.check();
		probe.check();
		assertThat(probe.reachable()).isFalse();
		probe.check();
		assertThat(probe.reachable()).isTrue();
		assertThat(probe.lastFailure()).isNull();
	}

	@Test
	void aConnectionThatStopsAnsweringIsDroppedAndOpenedAgain() throws SQLException {
		Connection fresh = mock(Connection.class);
		when(dataSource.getConnection()).thenReturn(connection, fresh);
		when(connection.isValid(anyInt())).thenReturn(false);
		when(fresh.isValid(anyInt())).thenReturn(true);

		probe.check();
		probe.check();

		assertThat(probe.reachable()).isTrue();
	}
}
