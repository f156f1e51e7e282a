package io.gatehouse.sso;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secretKey encrypts client secrets at rest; blank stores them as given
 * @param signInTimeout how long a started sign-in may take to come back from the provider
 */
@ConfigurationProperties("gatehouse.sso")
public record SsoSettings(String secretKey, Duration signInTimeout) {

	public SsoSettings {
		signInTimeout = signInTimeout == null ? Duration.ofMinutes(10) : signInTimeout;
	}
}
