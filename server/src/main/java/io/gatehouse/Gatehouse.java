package io.gatehouse;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Gatehouse server: users, credentials, groups, roles and the decisions about who may do what. */
// No user-details store: Gatehouse authenticates with its own sessions and tokens (see the api module).
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class Gatehouse {

	public static void main(String[] args) {
		SpringApplication.run(Gatehouse.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
