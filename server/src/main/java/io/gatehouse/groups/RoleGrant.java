package io.gatehouse.groups;

import java.util.UUID;

import io.gatehouse.access.Resources;

/** A role at a resource, as asked for when a user is created or edited; no resource means the instance. */
public record RoleGrant(UUID roleId, UUID resourceId) {

	public UUID resourceOrInstance() {
		return resourceId == null ? Resources.INSTANCE : resourceId;
	}
}
