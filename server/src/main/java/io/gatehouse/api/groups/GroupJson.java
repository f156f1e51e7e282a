package io.gatehouse.api.groups;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.gatehouse.access.Actions;
import io.gatehouse.access.GroupProfile;
import io.gatehouse.groups.Group;
import io.gatehouse.shared.DomainException;

record GroupJson(UUID id, String name, String description, ProfileJson profile, Instant createdAt,
		Instant updatedAt, long version) {

	/**
	 * Permission table: {@code globalActions} apply to every area, unless {@code granular} has entries,
	 * which then replace them entirely.
	 */
	record ProfileJson(List<String> globalActions, Map<String, List<String>> granular) {

		GroupProfile profile() {
			// null items are refused while the body is read (ApiJsonConfiguration)
			Set<String> global = globalActions == null ? Actions.CRUD : Set.copyOf(globalActions);
			Map<String, Set<String>> entries = new TreeMap<>();
			if (granular != null) {
				granular.forEach((area, actions) -> {
					if (actions != null && actions.contains(null)) {
						throw DomainException.invalidField("profile.granular." + area, "not-null",
								"must not hold null");
					}
					entries.put(area, actions == null ? Set.of() : Set.copyOf(actions));
				});
			}
			try {
				return new GroupProfile(global, entries);
			}
			catch (IllegalArgumentException ex) {
				// an area or action that is not even well-formed (upper case, empty...): bad input, named as such
				throw DomainException.invalidField("profile", "format", ex.getMessage());
			}
		}

		static ProfileJson of(GroupProfile profile) {
			if (profile == null) {
				return null;
			}
			Map<String, List<String>> entries = new TreeMap<>();
			profile.granular().forEach((area, actions) -> entries.put(area, actions.stream().sorted().toList()));
			return new ProfileJson(profile.globalActions().stream().sorted().toList(), entries);
		}
	}

	record GroupRequest(String name, String description, ProfileJson profile) {
	}

	record MemberRequest(UUID userId) {
	}

	record ResellerRequest(String name) {
	}

	static GroupJson of(Group group) {
		return new GroupJson(group.id(), group.name(), group.description(), ProfileJson.of(group.profile()),
				group.createdAt(), group.updatedAt(), group.version());
	}
}
