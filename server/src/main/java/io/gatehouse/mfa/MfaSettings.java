package io.gatehouse.mfa;

import java.time.Duration;
import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code required} is the default of a runtime setting; what applies is read through {@link MfaRequirementSettings}.
 *
 * @param required who must enrol a second factor ({@link MfaRequirement#NONE} by default)
 * @param issuer the name authenticator apps show next to the account
 * @param encryptionKey base64 of 32 bytes: the AES key of TOTP secrets at rest. When not set, a key generated once
 * and kept in the database is used, which protects nothing against a stolen database dump: set it in production
 * @param challengeLifetime how long the second-factor step of a sign-in stays open after the password
 */
@ConfigurationProperties("gatehouse.mfa")
public record MfaSettings(MfaRequirement required, String issuer, String encryptionKey, Duration challengeLifetime) {

	public MfaSettings {
		required = required == null ? MfaRequirement.NONE : required;
		issuer = issuer == null || issuer.isBlank() ? "Gatehouse" : issuer;
		encryptionKey = encryptionKey == null || encryptionKey.isBlank() ? null : encryptionKey.strip();
		challengeLifetime = challengeLifetime == null ? Duration.ofMinutes(5) : challengeLifetime;
		if (encryptionKey != null && Base64.getDecoder().decode(encryptionKey).length != 32) {
			throw new IllegalArgumentException("gatehouse.mfa.encryption-key must be base64 of exactly 32 bytes");
		}
	}
}
