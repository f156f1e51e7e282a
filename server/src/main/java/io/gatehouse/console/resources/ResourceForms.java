package io.gatehouse.console.resources;

import java.util.UUID;

/** What the forms of a resource's page send. */
final class ResourceForms {

	private ResourceForms() {
	}

	/** A child resource to create: its type and name. */
	record Child(String type, String name) {

		static Child blank(String type) {
			return new Child(type, null);
		}
	}

	/**
	 * Access to grant: to a user (by username or email) or to a group, never both, with a role.
	 *
	 * @param roleId a role's id; the object policies are the built-in Viewer, Editor and No Access
	 */
	record Grant(String login, UUID groupId, UUID roleId) {

		static final Grant BLANK = new Grant(null, null, null);

		public boolean hasRole(UUID role) {
			return role != null && role.equals(roleId);
		}

		public boolean hasGroup(UUID group) {
			return group != null && group.equals(groupId);
		}
	}
}
