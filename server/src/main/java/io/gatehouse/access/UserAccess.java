package io.gatehouse.access;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One user's side of the access graph, gathered in advance so that a check is a few map lookups.
 *
 * @param restrictionRoot null, or the resource whose subtree is all the user may ever reach
 * @param bindingsByResource the user's own bindings and those of all of the user's groups, keyed by resource
 * @param groupProfiles the permission profiles of the user's groups that have one; each counts as a binding at the
 * root. Iteration order is kept, so explanations name groups in a stable order.
 */
public record UserAccess(UUID userId, boolean active, boolean systemAdministrator, UUID restrictionRoot,
		Set<UUID> groupIds, Map<UUID, List<Binding>> bindingsByResource, Map<UUID, GroupProfile> groupProfiles) {

	public UserAccess {
		Objects.requireNonNull(userId, "userId");
		groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
		Map<UUID, List<Binding>> bindings = new HashMap<>();
		if (bindingsByResource != null) {
			bindingsByResource.forEach((resource, list) -> bindings.put(resource, List.copyOf(list)));
		}
		bindingsByResource = Map.copyOf(bindings);
		groupProfiles = groupProfiles == null || groupProfiles.isEmpty() ? Map.of()
				: Collections.unmodifiableMap(new LinkedHashMap<>(groupProfiles));
	}
}
