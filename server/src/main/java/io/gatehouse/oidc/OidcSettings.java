package io.gatehouse.oidc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keyRotation how long a signing key signs before a new one takes over
 * @param retiredKeyPublished how long a retired key is still published, longer than any token it signed lives
 */
@ConfigurationProperties("gatehouse.oidc.keys")
record OidcSettings(Duration keyRotation, Duration retiredKeyPublished) {

	OidcSettings {
		keyRotation = keyRotation == null ? Duration.ofDays(30) : keyRotation;
		retiredKeyPublished = retiredKeyPublished == null ? Duration.ofDays(1) : retiredKeyPublished;
	}
}
