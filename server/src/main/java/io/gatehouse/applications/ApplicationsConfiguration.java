package io.gatehouse.applications;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The authorization server's clients are Gatehouse's applications, in its database. */
@Configuration
class ApplicationsConfiguration {

	@Bean
	RegisteredClientRepository registeredClients(JdbcOperations jdbc) {
		return new JdbcRegisteredClientRepository(jdbc);
	}
}
