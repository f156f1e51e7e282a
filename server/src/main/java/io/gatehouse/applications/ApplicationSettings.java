package io.gatehouse.applications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Lifetimes of what the OpenID Provider issues, for every application.
 *
 * @param accessTokenLifetime short, since an access token is checked by signature alone by most resource servers
 * @param refreshTokenLifetime how long a signed-in application may keep refreshing without the user
 * @param authorizationCodeLifetime a code is exchanged within seconds by a working client
 * @param secretRotationOverlap how long a rotated-out client secret keeps working, unless the rotation says otherwise
 */
@ConfigurationProperties("gatehouse.oidc")
public record ApplicationSettings(Duration accessTokenLifetime, Duration refreshTokenLifetime,
		Duration authorizationCodeLifetime, Duration secretRotationOverlap) {

	public ApplicationSettings {
		accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(5) : accessTokenLifetime;
		refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofHours(8) : refreshTokenLifetime;
		authorizationCodeLifetime = authorizationCodeLifetime == null ? Duration.ofMinutes(1)
				: authorizationCodeLifetime;
		secretRotationOverlap = secretRotationOverlap == null ? Duration.ofHours(24) : secretRotationOverlap;
	}
}
