package io.gatehouse.access;

import java.util.Objects;
import java.util.UUID;

/**
 * A role given to a user or a group at a resource, and so at everything below it until a deeper binding decides.
 *
 * <p>
 * Two kinds of binding are not stored but made by the engine so that a decision can name them like any other; both
 * have a null {@code id}:
 * <ul>
 * <li>ownership ({@link #ownership}): the owner of a resource holds Admin there, so principal type USER, role
 * {@link BuiltInRoles#ADMIN}, at the owned resource;</li>
 * <li>a group's permission profile ({@link #groupProfile}): principal type GROUP, a null {@code roleId} (the
 * profile is not a role), at the root.</li>
 * </ul>
 */
public record Binding(UUID id, PrincipalType principalType, UUID principalId, UUID roleId, UUID resourceId) {

	public Binding {
		Objects.requireNonNull(principalType, "principalType");
		Objects.requireNonNull(principalId, "principalId");
		Objects.requireNonNull(resourceId, "resourceId");
		if (id == null && !(isOwnership(principalType, roleId) || isGroupProfile(principalType, roleId))) {
			throw new IllegalArgumentException("Only ownership and group-profile bindings go without an id.");
		}
		if (roleId == null && (id != null || principalType != PrincipalType.GROUP)) {
			throw new IllegalArgumentException("Only a group-profile binding goes without a role.");
		}
	}

	/** The binding ownership amounts to: Admin for the owner, at the owned resource. */
	public static Binding ownership(UUID userId, UUID resourceId) {
		return new Binding(null, PrincipalType.USER, userId, BuiltInRoles.ADMIN, resourceId);
	}

	/** The binding a group's permission profile amounts to: at the root, with no role. */
	public static Binding groupProfile(UUID groupId, UUID root) {
		return new Binding(null, PrincipalType.GROUP, groupId, null, root);
	}

	public boolean isOwnership() {
		return id == null && isOwnership(principalType, roleId);
	}

	public boolean isGroupProfile() {
		return id == null && isGroupProfile(principalType, roleId);
	}

	private static boolean isOwnership(PrincipalType type, UUID roleId) {
		return type == PrincipalType.USER && BuiltInRoles.ADMIN.equals(roleId);
	}

	private static boolean isGroupProfile(PrincipalType type, UUID roleId) {
		return type == PrincipalType.GROUP && roleId == null;
	}
}
