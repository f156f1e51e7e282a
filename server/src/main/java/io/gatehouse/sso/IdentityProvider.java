package io.gatehouse.sso;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An OpenID Connect provider people sign in through. Never carries the client secret, only whether one is set.
 *
 * @param alias the provider's name in the addresses of its sign-in ({@code /sso/oidc/start/{alias}}); fixed
 * @param issuer the provider's issuer; fixed, since the accounts linked to it are known by its subjects
 * @param discoveryUrl where its metadata is read; {@code issuer/.well-known/openid-configuration} when absent
 * @param defaultRole the role a new account gets; none means the instance's default role setting
 * @param linkByEmail an existing local account with the same verified email is linked at first sign-in
 * @param trustProviderMfa a sign-in whose {@code amr} names a second factor, or whose {@code acr} is one of
 * {@code trustedAcrValues}, needs none here
 * @param trustedAcrValues the authentication context classes the provider only grants with a second factor
 */
public record IdentityProvider(UUID id, String alias, String displayName, String protocol, String issuer,
		String discoveryUrl, String clientId, boolean clientSecretSet, List<String> scopes, boolean enabled,
		Provisioning provisioning, UUID defaultRole, List<UUID> defaultGroups, boolean linkByEmail,
		boolean trustProviderMfa, List<String> trustedAcrValues, List<ClaimMapping> mappings, Instant createdAt, Instant updatedAt, long version) {

	public String metadataLocation() {
		return discoveryUrl != null ? discoveryUrl
				: issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
	}
}
