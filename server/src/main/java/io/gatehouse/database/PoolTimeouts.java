package io.gatehouse.database;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Gives the pool's PostgreSQL connections a socket timeout ({@code gatehouse.database.socket-timeout}): without one,
 * a connection whose peer vanished without a word (a half-open TCP connection: a failover, a firewall dropping its
 * state) leaves the request on it waiting for an answer forever, and the connection out of the pool with it. Set as
 * a driver property here rather than in {@code spring.datasource.hikari.data-source-properties}, because H2 refuses
 * a setting it does not know; an embedded H2 has no socket to time out.
 */
@Component
class PoolTimeouts implements BeanPostProcessor {

	static final String SOCKET_TIMEOUT = "gatehouse.database.socket-timeout";

	private final Environment environment;

	PoolTimeouts(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool) {
			apply(pool, environment.getProperty(SOCKET_TIMEOUT, Duration.class, Duration.ofMinutes(2)));
		}
		return bean;
	}

	static void apply(HikariDataSource pool, Duration socketTimeout) {
		String url = pool.getJdbcUrl();
		if (url == null || !url.startsWith("jdbc:postgresql:") || pool.getDataSourceProperties().containsKey("socketTimeout")) {
			// another database, or an operator's own driver setting, which wins
			return;
		}
		// the driver counts whole seconds; 0 is its "no timeout"
		long seconds = socketTimeout.isZero() ? 0 : Math.max(1, (socketTimeout.toMillis() + 999) / 1000);
		pool.addDataSourceProperty("socketTimeout", Long.toString(seconds));
	}
}
