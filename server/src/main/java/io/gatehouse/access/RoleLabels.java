package io.gatehouse.access;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * The Role column of the users list: each user's roles as {@code Workspace: Role}, direct and through
 * groups, then the permission profiles of their groups as {@code Instance: Group (permission profile)}, since a
 * profile gives access as a role does. Read for a whole page of users in one query. The caller has already been
 * allowed to read those users. One user's (their own account, one user's page, the {@code roles} claim) are kept
 * with the access generation, since every request that shows a user reads them.
 */
@Service
public class RoleLabels {

	private final RoleLabelStore store;

	private final AccessPolicy policy;

	RoleLabels(RoleLabelStore store, AccessPolicy policy) {
		this.store = store;
		this.policy = policy;
	}

	public Map<UUID, List<String>> of(Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		return labels(userIds.size() == 1 ? heldBy(userIds.iterator().next()) : store.of(userIds));
	}

	private List<RoleLabelStore.Held> heldBy(UUID userId) {
		return policy.held(userId, () -> List.copyOf(store.of(List.of(userId))));
	}

	private static Map<UUID, List<String>> labels(List<RoleLabelStore.Held> allHeld) {
		Map<UUID, Set<String>> labels = new LinkedHashMap<>();
		for (RoleLabelStore.Held held : allHeld) {
			labels.computeIfAbsent(held.userId(), id -> new LinkedHashSet<>()).add(label(held));
		}
		Map<UUID, List<String>> result = new LinkedHashMap<>();
		labels.forEach((user, set) -> result.put(user, List.copyOf(set)));
		return result;
	}

	/**
	 * One user's roles as the OpenID Provider's {@code roles} claim gives them: the label with the role's name and
	 * the id of the resource where it is held, so that an application can match it against its own objects.
	 */
	public List<HeldRole> held(UUID userId) {
		return heldBy(userId).stream()
			.map(held -> new HeldRole(label(held), held.name(), held.resourceId(), held.profile()))
			.distinct()
			.toList();
	}

	private static String label(RoleLabelStore.Held held) {
		return held.profile() ? held.place() + ": " + held.name() + " (permission profile)"
				: held.place() + ": " + held.name();
	}

	/** A role (or a group's permission profile) a user holds at a resource. */
	public record HeldRole(String label, String name, UUID resource, boolean profile) {
	}

	/** One user's labels. */
	public List<String> of(UUID userId) {
		return of(List.of(userId)).getOrDefault(userId, List.of());
	}
}
