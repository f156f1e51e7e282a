package io.gatehouse.access;

/** Why a check came out the way it did, in the order the house rule asks. */
public enum DecisionReason {

	/** The user exists but is not active. */
	INACTIVE_USER(false),

	/** No such user. */
	UNKNOWN_USER(false),

	/** No such resource. */
	UNKNOWN_RESOURCE(false),

	/** The permission catalog does not declare the permission: nothing to allow, for anyone. */
	UNKNOWN_PERMISSION(false),

	/** The token's scope does not cover the permission or the resource. */
	TOKEN_SCOPE(false),

	/** A System Administrator is allowed everything. */
	SYSTEM_ADMINISTRATOR(true),

	/** The resource is outside the user's restriction scope. */
	OUTSIDE_RESTRICTION(false),

	/** The nearest resource with bindings grants the permission. */
	GRANTED(true),

	/** The nearest resource with bindings does not grant the permission. */
	DENIED_BY_BINDINGS(false),

	/** No binding for the user or the user's groups from the resource up to the root. */
	NO_BINDING(false);

	private final boolean allows;

	DecisionReason(boolean allows) {
		this.allows = allows;
	}

	public boolean allows() {
		return allows;
	}
}
