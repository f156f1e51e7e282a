package io.gatehouse.sso;

import java.util.List;
import java.util.UUID;

/**
 * What an administrator gives to register or change a provider. On a change, {@code protocol}, {@code alias} and
 * {@code issuer} must stay as they are and a {@code null} client secret keeps the stored one.
 *
 * @param protocol {@code oidc} (when absent) or {@code saml}
 * @param metadataUrl a SAML provider's metadata address; read at registration and by a test
 * @param metadataXml a SAML provider's metadata, pasted; its entity id is the provider's issuer
 * @param trustedAcrValues {@code acr} values that count as a second factor when {@code trustProviderMfa}; absent
 * means none
 */
public record ProviderDraft(String protocol, String alias, String displayName, String issuer, String discoveryUrl,
		String clientId, String clientSecret, List<String> scopes, Boolean enabled, String provisioning,
		UUID defaultRole, List<UUID> defaultGroups, Boolean linkByEmail, Boolean trustProviderMfa,
		List<ClaimMapping> mappings, String metadataUrl, String metadataXml, List<String> trustedAcrValues) {
}
