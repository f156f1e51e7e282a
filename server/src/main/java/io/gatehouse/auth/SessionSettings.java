package io.gatehouse.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The timeouts are the defaults of runtime settings; what applies is read through {@link SessionTimeoutSettings}.
 *
 * @param idleTimeout a session unused for this long ends
 * @param absoluteTimeout a session ends this long after sign-in, used or not
 */
@ConfigurationProperties("gatehouse.sessions")
public record SessionSettings(Duration idleTimeout, Duration absoluteTimeout, String cookieName) {

	public SessionSettings {
		idleTimeout = idleTimeout == null ? Duration.ofMinutes(30) : idleTimeout;
		absoluteTimeout = absoluteTimeout == null ? Duration.ofHours(12) : absoluteTimeout;
		cookieName = cookieName == null || cookieName.isBlank() ? "GATEHOUSE_SESSION" : cookieName;
	}
}
