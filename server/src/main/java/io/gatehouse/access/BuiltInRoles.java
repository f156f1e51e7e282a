package io.gatehouse.access;

import java.util.List;
import java.util.UUID;

/**
 * The five roles every instance has. Their ids are fixed so that stored bindings, exports and other instances
 * agree on them; their meaning is fixed by {@link #grants}, so no one can edit them.
 */
public final class BuiltInRoles {

	// Declared before the definitions below: RoleDefinition's constructor reads them while this class initialises.
	public static final UUID SYSTEM_ADMINISTRATOR = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	public static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

	public static final UUID EDITOR = UUID.fromString("00000000-0000-0000-0000-0000000000a3");

	public static final UUID VIEWER = UUID.fromString("00000000-0000-0000-0000-0000000000a4");

	public static final UUID NO_ACCESS = UUID.fromString("00000000-0000-0000-0000-0000000000a5");

	public static final String SYSTEM_ADMINISTRATOR_NAME = "System Administrator";

	public static final String ADMIN_NAME = "Admin";

	public static final String EDITOR_NAME = "Editor";

	public static final String VIEWER_NAME = "Viewer";

	public static final String NO_ACCESS_NAME = "No Access";

	private static final List<RoleDefinition> ALL = List.of(builtIn(SYSTEM_ADMINISTRATOR, SYSTEM_ADMINISTRATOR_NAME),
			builtIn(ADMIN, ADMIN_NAME), builtIn(EDITOR, EDITOR_NAME), builtIn(VIEWER, VIEWER_NAME),
			builtIn(NO_ACCESS, NO_ACCESS_NAME));

	private BuiltInRoles() {
	}

	public static List<RoleDefinition> all() {
		return ALL;
	}

	/** The built-in role with this id, or null if the id is not a built-in role's. */
	public static RoleDefinition byId(UUID id) {
		for (RoleDefinition role : ALL) {
			if (role.id().equals(id)) {
				return role;
			}
		}
		return null;
	}

	public static boolean isBuiltIn(UUID id) {
		return SYSTEM_ADMINISTRATOR.equals(id) || ADMIN.equals(id) || EDITOR.equals(id) || VIEWER.equals(id)
				|| NO_ACCESS.equals(id);
	}

	/**
	 * System Administrator and Admin: everything the catalog declares. Editor: create, read, update, delete on every
	 * non-administrative area. Viewer: read on every non-administrative area. {@link RoleDefinition#grants} asks the
	 * catalog first, so none of them grants a permission it does not declare. No Access: nothing, which is what makes it useful as
	 * the deeper binding that hides one object.
	 */
	static boolean grants(UUID role, Permission permission, AreaCatalog catalog) {
		if (ADMIN.equals(role) || SYSTEM_ADMINISTRATOR.equals(role)) {
			return true;
		}
		if (EDITOR.equals(role)) {
			return Actions.CRUD.contains(permission.action()) && !catalog.isAdministrative(permission.area());
		}
		if (VIEWER.equals(role)) {
			return Actions.READ.equals(permission.action()) && !catalog.isAdministrative(permission.area());
		}
		return false;
	}

	private static RoleDefinition builtIn(UUID id, String name) {
		return new RoleDefinition(id, name, true, null, null);
	}
}
