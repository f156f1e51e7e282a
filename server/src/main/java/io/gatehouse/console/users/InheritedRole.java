package io.gatehouse.console.users;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.PrincipalType;
import io.gatehouse.resources.BindingView;

/**
 * A role the user holds through one of their groups, shown apart from the User Roles they hold themselves: the form
 * cannot remove it, the group's page can.
 *
 * @param group the group's name, or {@code null} when the viewer may not read groups
 */
record InheritedRole(String label, UUID groupId, String group) {

	static List<InheritedRole> of(List<BindingView> held, Map<UUID, String> groupNames) {
		return held.stream()
			.filter(binding -> binding.principalType() == PrincipalType.GROUP)
			.map(binding -> new InheritedRole(binding.label(), binding.principalId(), groupNames.get(binding.principalId())))
			.toList();
	}
}
