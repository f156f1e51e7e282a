package io.gatehouse.console.resources;

import java.util.UUID;

/**
 * One line of a resource's access table: who, with which role (or object policy), and where it is bound.
 *
 * @param bindingId null for what is not a stored binding (ownership), which cannot be removed here
 * @param principalLink the console page of the user or group, when the viewer may open it
 * @param policy {@code read}, {@code write} or {@code none} when the role is one of object policies
 * @param boundAt the resource the binding is on, when it is inherited from there
 */
record AccessRow(UUID bindingId, String principalType, String principalName, String principalLink, String roleName,
		String policy, String boundAt) {

	public boolean removable() {
		return bindingId != null;
	}
}
