package io.gatehouse.database;

import java.sql.Connection;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool's connections carry the configured socket timeout on PostgreSQL (the default, two minutes, as the
 * connections of this running application have it), and H2, which would refuse the setting, is given none.
 */
class PoolTimeoutsIntegrationTests extends ApiIntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void theRunningPoolsConnectionsHaveTheSocketTimeout() throws Exception {
		HikariDataSource pool = (HikariDataSource) dataSource;
		boolean postgres = pool.getJdbcUrl().startsWith("jdbc:postgresql:");
		try (Connection connection = pool.getConnection()) {
			if (postgres) {
				assertThat(pool.getDataSourceProperties().getProperty("socketTimeout")).isEqualTo("120");
				// what the driver itself will wait on the socket
				assertThat(connection.getNetworkTimeout()).isEqualTo(120_000);
			}
			else {
				assertThat(pool.getDataSourceProperties()).doesNotContainKey("socketTimeout");
			}
		}
	}

	@Test
	void aConfiguredValueReachesAPostgresPoolInWholeSecondsAndNothingReachesH2() {
		HikariDataSource postgres = new HikariDataSource();
		postgres.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/anything");
		PoolTimeouts.apply(postgres, Duration.ofMillis(29_500));
		assertThat(postgres.getDataSourceProperties().getProperty("socketTimeout")).isEqualTo("30");

		HikariDataSource never = new HikariDataSource();
		never.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/anything");
		PoolTimeouts.apply(never, Duration.ZERO);
		assertThat(never.getDataSourceProperties().getProperty("socketTimeout")).isEqualTo("0");

		HikariDataSource operators = new HikariDataSource();
		operators.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/anything");
		operators.addDataSourceProperty("socketTimeout", "7");
		PoolTimeouts.apply(operators, Duration.ofMinutes(2));
		assertThat(operators.getDataSourceProperties().getProperty("socketTimeout")).isEqualTo("7");

		HikariDataSource h2 = new HikariDataSource();
		h2.setJdbcUrl("jdbc:h2:mem:x");
		PoolTimeouts.apply(h2, Duration.ofMinutes(2));
		assertThat(h2.getDataSourceProperties()).doesNotContainKey("socketTimeout");
	}
}
