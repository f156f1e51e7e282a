package io.gatehouse.console.sso;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.gatehouse.shared.DomainException;
import io.gatehouse.sso.ClaimMapping;
import io.gatehouse.sso.IdentityProvider;
import io.gatehouse.sso.ProviderDraft;

/**
 * The provider form of Settings → Sign-in, for OIDC and SAML alike. The client secret is write-only: the form never
 * shows it, and left empty on a change it keeps the stored one. Mappings come as rows of three lists; a row without a
 * claim is an empty one, left out.
 *
 * @param mappingTarget {@code group:<id>} or {@code role:<roleId>:<resourceId>}
 */
public record ProviderForm(String protocol, String alias, String displayName, String issuer, String discoveryUrl,
		String clientId, String clientSecret, String scopes, String provisioning, String defaultRole,
		Boolean linkByEmail, Boolean trustProviderMfa, String metadataUrl, String metadataXml, Long version,
		List<String> mappingClaim, List<String> mappingValue, List<String> mappingTarget) {

	/** A new provider's form: OIDC unless SAML is asked for. */
	static ProviderForm blank(String protocol) {
		return new ProviderForm("saml".equals(protocol) ? "saml" : "oidc", "", "", "", "", "", "", "", "jit", "", false,
				false, "", "", null, List.of(), List.of(), List.of());
	}

	static ProviderForm of(IdentityProvider p) {
		List<String> claims = new ArrayList<>();
		List<String> values = new ArrayList<>();
		List<String> targets = new ArrayList<>();
		for (ClaimMapping m : p.mappings()) {
			claims.add(m.claim());
			values.add(m.value());
			targets.add(m.groupId() != null ? "group:" + m.groupId() : "role:" + m.roleId() + ":" + m.resourceId());
		}
		boolean saml = "saml".equals(p.protocol());
		return new ProviderForm(p.protocol(), p.alias(), p.displayName(), p.issuer(),
				saml ? "" : nonNull(p.discoveryUrl()), nonNull(p.clientId()), "", String.join(" ", p.scopes()),
				p.provisioning().code(), p.defaultRole() == null ? "" : p.defaultRole().toString(), p.linkByEmail(),
				p.trustProviderMfa(), saml ? nonNull(p.discoveryUrl()) : "", "", p.version(), claims, values, targets);
	}

	public boolean saml() {
		return "saml".equals(protocol);
	}

	/** The rows shown: the mappings, then three empty ones to add to. */
	public List<Integer> rows() {
		int size = mappingClaim == null ? 0 : mappingClaim.size();
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < size + 3; i++) {
			rows.add(i);
		}
		return rows;
	}

	public String claimAt(int i) {
		return at(mappingClaim, i);
	}

	public String valueAt(int i) {
		return at(mappingValue, i);
	}

	public String targetAt(int i) {
		return at(mappingTarget, i);
	}

	/**
	 * The draft for {@link io.gatehouse.sso.IdentityProviders}: on a change ({@code current} given) what the form does
	 * not edit (alias, issuer, default groups, whether enabled, trusted acr values) stays as it is.
	 */
	ProviderDraft draft(IdentityProvider current) {
		boolean saml = current != null ? "saml".equals(current.protocol()) : saml();
		List<ClaimMapping> mappings = new ArrayList<>();
		int size = mappingClaim == null ? 0 : mappingClaim.size();
		for (int i = 0; i < size; i++) {
			String claim = blankToNull(claimAt(i));
			if (claim == null) {
				continue;
			}
			mappings.add(mapping(mappings.size(), claim, valueAt(i).trim(), targetAt(i)));
		}
		UUID role = null;
		if (defaultRole != null && !defaultRole.isBlank() && !"none".equals(defaultRole)) {
			try {
				role = UUID.fromString(defaultRole);
			}
			catch (IllegalArgumentException ex) {
				throw DomainException.invalidField("defaultRole", "exists", "is not a known role");
			}
		}
		List<String> scopeList = scopes == null || scopes.isBlank() ? null : Arrays.asList(scopes.trim().split("\\s+"));
		return new ProviderDraft(current == null ? (saml ? "saml" : "oidc") : null,
				current == null ? blankToNull(alias) : null, blankToNull(displayName),
				current == null && !saml ? blankToNull(issuer) : null, saml ? null : blankToNull(discoveryUrl),
				saml ? null : blankToNull(clientId), saml ? null : blankToNull(clientSecret), saml ? null : scopeList,
				current == null ? Boolean.TRUE : current.enabled(), provisioning, role,
				current == null ? List.of() : current.defaultGroups(), Boolean.TRUE.equals(linkByEmail),
				Boolean.TRUE.equals(trustProviderMfa), mappings, saml ? blankToNull(metadataUrl) : null,
				saml ? blankToNull(metadataXml) : null, current == null ? null : current.trustedAcrValues());
	}

	private static ClaimMapping mapping(int index, String claim, String value, String target) {
		String[] parts = target == null ? new String[0] : target.split(":");
		try {
			if (parts.length == 2 && parts[0].equals("group")) {
				return new ClaimMapping(claim, value, UUID.fromString(parts[1]), null, null);
			}
			if (parts.length == 3 && parts[0].equals("role")) {
				return new ClaimMapping(claim, value, null, UUID.fromString(parts[1]), UUID.fromString(parts[2]));
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw DomainException.invalidField("mappings[" + index + "]", "target", "choose a group or a role to give");
	}

	private static String at(List<String> list, int i) {
		return list != null && i < list.size() && list.get(i) != null ? list.get(i) : "";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}
}
