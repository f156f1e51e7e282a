package io.gatehouse.sso;

import java.util.List;
import java.util.UUID;

/**
 * What an administrator gives to register or change a provider. On a change, {@code alias} and {@code issuer} must
 * stay as they are and a {@code null} client secret keeps the stored one.
 */
public record ProviderDraft(String alias, String displayName, String issuer, String discoveryUrl, String clientId,
		String clientSecret, List<String> scopes, Boolean enabled, String provisioning, UUID defaultRole,
		List<UUID> defaultGroups, Boolean linkByEmail, Boolean trustProviderMfa, List<ClaimMapping> mappings) {
}
