package io.gatehouse.console;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.shared.Actor;

/**
 * Which sections the signed-in user may open: a section they may not read is not shown at all. The server refuses
 * it anyway; this only keeps dead ends out of the menu.
 */
public record ConsoleNavigation(boolean users, boolean groups, boolean roles, boolean resources, boolean audit,
		boolean settings, boolean applications) {

	static ConsoleNavigation of(AccessControl access, Actor actor) {
		return new ConsoleNavigation(access.allows(actor, Permissions.USERS_READ),
				access.allows(actor, Permissions.GROUPS_READ), access.allows(actor, Permissions.ROLES_READ),
				access.allows(actor, Permissions.RESOURCES_READ), access.allows(actor, Permissions.AUDIT_READ),
				access.allows(actor, Permissions.SETTINGS_READ), access.allows(actor, Permissions.APPLICATIONS_READ));
	}
}
