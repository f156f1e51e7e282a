package io.gatehouse.resources;

import java.util.UUID;

import io.gatehouse.access.PrincipalType;

/**
 * A binding with the names people read: the users list shows it as {@code Workspace: Role}.
 *
 * @param label "resource name: role name"
 */
public record BindingView(UUID id, PrincipalType principalType, UUID principalId, UUID roleId, String roleName,
		UUID resourceId, String resourceType, String resourceName, String label) {
}
