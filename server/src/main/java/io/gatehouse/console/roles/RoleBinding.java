package io.gatehouse.console.roles;

import java.util.UUID;

import io.gatehouse.access.PrincipalType;
import io.gatehouse.console.resources.PrincipalNames;
import io.gatehouse.resources.BindingView;

/** One place a role is bound, as its page lists it: the resource, and the user or group holding it there. */
record RoleBinding(UUID resourceId, String resourceType, String resource, String kind, String holder,
		String holderLink) {

	static RoleBinding of(BindingView binding, PrincipalNames names) {
		boolean user = binding.principalType() == PrincipalType.USER;
		return new RoleBinding(binding.resourceId(), binding.resourceType(), binding.resourceName(),
				user ? "User" : "Group", user ? names.user(binding.principalId()) : names.group(binding.principalId()),
				user ? names.userLink(binding.principalId()) : names.groupLink(binding.principalId()));
	}
}
