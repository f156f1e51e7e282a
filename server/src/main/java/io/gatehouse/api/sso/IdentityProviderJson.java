package io.gatehouse.api.sso;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gatehouse.api.MultilineText;
import io.gatehouse.sso.ClaimMapping;
import io.gatehouse.sso.IdentityProvider;
import io.gatehouse.sso.IdentityProviders;
import io.gatehouse.sso.ProviderDraft;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An identity provider as the API shows it: the client secret never, only whether one is set.
 *
 * @param callbackPath the redirect URI (OIDC) or Assertion Consumer Service (SAML) to register at the provider, after
 * this server's base URL
 * @param serviceProviderMetadataPath a SAML provider's service provider metadata (entity id, ACS, certificate) to give
 * the provider, after this server's base URL
 */
record IdentityProviderJson(UUID id, String alias, String displayName, String protocol, String issuer,
		String discoveryUrl, String clientId, boolean clientSecretSet, List<String> scopes, boolean enabled,
		String provisioning, UUID defaultRole, List<UUID> defaultGroups, boolean linkByEmail, boolean trustProviderMfa,
		List<String> trustedAcrValues, List<MappingJson> mappings, String signInPath, String callbackPath, String serviceProviderMetadataPath,
		Instant createdAt, Instant updatedAt, long version) {

	static IdentityProviderJson of(IdentityProvider p) {
		boolean saml = "saml".equals(p.protocol());
		return new IdentityProviderJson(p.id(), p.alias(), p.displayName(), p.protocol(), p.issuer(), p.discoveryUrl(),
				p.clientId(), p.clientSecretSet(), p.scopes(), p.enabled(), p.provisioning().code(), p.defaultRole(),
				p.defaultGroups(), p.linkByEmail(), p.trustProviderMfa(), p.trustedAcrValues(),
				p.mappings().stream().map(MappingJson::of).toList(), "/sso/" + p.protocol() + "/start/" + p.alias(),
				saml ? "/sso/saml/acs/" + p.alias() : "/sso/oidc/callback/" + p.alias(),
				saml ? "/sso/saml/metadata/" + p.alias() : null, p.createdAt(), p.updatedAt(), p.version());
	}

	/** When {@code claim} holds {@code value}: the group, or the role at the resource (the instance when absent). */
	record MappingJson(String claim, String value, UUID groupId, UUID roleId, UUID resourceId) {

		static MappingJson of(ClaimMapping m) {
			return new MappingJson(m.claim(), m.value(), m.groupId(), m.roleId(), m.resourceId());
		}

		ClaimMapping mapping() {
			return new ClaimMapping(claim, value, groupId, roleId, resourceId);
		}
	}

	/**
	 * A provider to register, or its new settings. {@code clientSecret} is write-only: absent on a change keeps the
	 * stored one, an empty string removes it (a public client).
	 */
	record Request(String protocol, String alias, String displayName, String issuer, String discoveryUrl,
			String clientId, String clientSecret, List<String> scopes, Boolean enabled, String provisioning,
			UUID defaultRole, List<UUID> defaultGroups, Boolean linkByEmail, Boolean trustProviderMfa,
			List<String> trustedAcrValues, List<MappingJson> mappings, String metadataUrl,
			@JsonDeserialize(using = MultilineText.class) String metadataXml) {

		ProviderDraft draft() {
			return new ProviderDraft(protocol, alias, displayName, issuer, discoveryUrl, clientId, clientSecret, scopes,
					enabled, provisioning, defaultRole, defaultGroups, linkByEmail, trustProviderMfa,
					mappings == null ? null : mappings.stream().map(m -> m == null ? null : m.mapping()).toList(),
					metadataUrl, metadataXml, trustedAcrValues);
		}
	}

	record TestJson(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
			String endSessionEndpoint) {

		static TestJson of(IdentityProviders.TestResult r) {
			return new TestJson(r.issuer(), r.authorizationEndpoint(), r.tokenEndpoint(), r.jwksUri(),
					r.endSessionEndpoint());
		}
	}
}
