package io.gatehouse.tokens;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultLifetime how long a token lives when its creator names no expiry
 * @param maxLifetime the longest expiry anyone may choose
 * @param allowNoExpiry whether a token may be created that never expires
 */
@ConfigurationProperties("gatehouse.tokens")
public record TokenSettings(Duration defaultLifetime, Duration maxLifetime, Boolean allowNoExpiry) {

	public TokenSettings {
		defaultLifetime = defaultLifetime == null ? Duration.ofDays(90) : defaultLifetime;
		maxLifetime = maxLifetime == null ? Duration.ofDays(366) : maxLifetime;
		allowNoExpiry = allowNoExpiry != null && allowNoExpiry;
	}
}
