package io.gatehouse.users;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param expiry how long a reset link works
 * @param window the period the rate limits count over
 * @param perEmail requests for one email address allowed per window, whether or not an account has it
 * @param perClient requests from one client address allowed per window
 */
@ConfigurationProperties("gatehouse.password-resets")
public record PasswordResetSettings(Duration expiry, Duration window, Integer perEmail, Integer perClient) {

	public PasswordResetSettings {
		expiry = expiry == null ? Duration.ofHours(1) : expiry;
		window = window == null ? Duration.ofHours(1) : window;
		perEmail = perEmail == null ? 5 : perEmail;
		perClient = perClient == null ? 20 : perClient;
	}
}
