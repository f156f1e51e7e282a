package io.gatehouse.applications;

import io.gatehouse.cache.SharedCaches;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The authorization server's clients are Gatehouse's applications, in its database. The server reads them through a
 * per-node cache; changes to applications read and write the database itself.
 */
@Configuration
class ApplicationsConfiguration {

	@Bean
	JdbcRegisteredClientRepository storedClients(JdbcOperations jdbc) {
		return new JdbcRegisteredClientRepository(jdbc);
	}

	@Bean
	@Primary
	CachedRegisteredClients registeredClients(JdbcRegisteredClientRepository storedClients, SharedCaches caches) {
		return new CachedRegisteredClients(storedClients, caches);
	}
}
