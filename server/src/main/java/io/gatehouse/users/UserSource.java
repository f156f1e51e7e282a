package io.gatehouse.users;

import java.util.Locale;

/** Who created the account and owns its identity fields. */
public enum UserSource {

	INTERNAL, OIDC, SAML, SCIM;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}
}
