package io.gatehouse.access;

import java.util.Set;
import java.util.UUID;

/**
 * What a personal access token is limited to. A scope only ever narrows what the token's user may do at the
 * moment of the check; it never grants, so a user who loses a role takes it away from their tokens too.
 *
 * @param permissions the patterns the permission must match; empty means no permission limit
 * @param resourceRoot the subtree the resource must be inside; null means no subtree limit
 */
public record TokenScope(Set<PermissionPattern> permissions, UUID resourceRoot) {

	private static final TokenScope UNRESTRICTED = new TokenScope(Set.of(), null);

	// The nil UUID is never a resource (the instance is ...0001), so no path contains it: a scope that denies all.
	private static final TokenScope NOTHING = new TokenScope(Set.of(), new UUID(0, 0));

	public TokenScope {
		permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
	}

	public static TokenScope unrestricted() {
		return UNRESTRICTED;
	}

	/** The scope of a token that no longer exists: it permits nothing. */
	public static TokenScope nothing() {
		return NOTHING;
	}

	public boolean isUnrestricted() {
		return permissions.isEmpty() && resourceRoot == null;
	}

	public boolean permits(Permission permission) {
		if (permissions.isEmpty()) {
			return true;
		}
		for (PermissionPattern pattern : permissions) {
			if (pattern.matches(permission)) {
				return true;
			}
		}
		return false;
	}
}
