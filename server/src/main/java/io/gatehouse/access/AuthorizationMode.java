package io.gatehouse.access;

import java.util.Locale;

/** Where users' roles and groups come from ("roles locked when authorization is external"). */
public enum AuthorizationMode {

	/** Administrators bind roles to users and put users in groups here. */
	LOCAL,

	/**
	 * An external source (an identity provider's claims, a SCIM client) decides users' roles and groups, so nobody
	 * changes them here; the roles and permission profiles of groups stay local.
	 */
	EXTERNAL;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}
}
