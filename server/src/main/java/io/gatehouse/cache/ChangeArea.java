package io.gatehouse.cache;

/**
 * What a write tells the other nodes it changed: one row group of {@code cache_change} per area, made by the
 * migration with the number of slots given here.
 */
public enum ChangeArea {

	/** Anything a cached access decision reads: bindings, groups, roles, resources, the catalog, user status. */
	ACCESS("access", 64),

	/** One slot: its row lock also makes parallel replacements of a user's rules take turns. */
	ALLOWLIST("allowlist", 1),

	/** Applications (OAuth clients): settings, secrets, deletion. */
	APPLICATIONS("applications", 1),

	/** The OpenID Provider's authorizations: revoked, refreshed or removed tokens. */
	AUTHORIZATIONS("authorizations", 4),

	/** One slot: its version is the settings' ETag, which a change moves by exactly one under the row lock. */
	SETTINGS("settings", 1),

	/** Revoked personal access tokens. */
	TOKENS("tokens", 1),

	/** Accounts that requests authenticate as: status, password state, identity fields, version. */
	USERS("users", 16);

	private final String key;

	private final int slots;

	ChangeArea(String key, int slots) {
		this.key = key;
		this.slots = slots;
	}

	String key() {
		return key;
	}

	int slots() {
		return slots;
	}

	static ChangeArea of(String key) {
		for (ChangeArea area : values()) {
			if (area.key.equals(key)) {
				return area;
			}
		}
		return null;
	}
}
