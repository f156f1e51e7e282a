package io.gatehouse.access;

import java.util.UUID;

/** A role at a resource, as asked for when a user is created or edited; no resource means the instance. */
public record RoleGrant(UUID roleId, UUID resourceId) {

	public UUID resourceOrInstance() {
		return resourceId == null ? Resources.INSTANCE : resourceId;
	}
}
