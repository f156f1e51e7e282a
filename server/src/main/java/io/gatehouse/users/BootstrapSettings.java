package io.gatehouse.users;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first System Administrator, created on the first start of an empty directory.
 *
 * @param adminPassword when blank, a random one-time password is generated, printed once, and must be changed at
 * first sign-in
 */
@ConfigurationProperties("gatehouse.bootstrap")
public record BootstrapSettings(String adminUsername, String adminEmail, String adminPassword) {

	public BootstrapSettings {
		adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
		adminEmail = adminEmail == null || adminEmail.isBlank() ? "admin@gatehouse.local" : adminEmail;
	}
}
