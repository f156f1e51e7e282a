package io.gatehouse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** The Gatehouse server: users, credentials, groups, roles and the decisions about who may do what. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class Gatehouse {

	public static void main(String[] args) {
		SpringApplication.run(Gatehouse.class, args);
	}
}
