package io.gatehouse.access;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a subject can do, as the engine of a running server sees it: for tests that compare access before and after
 * an operation. Capabilities are read as if the user were active, because what an account would be able to do once
 * (re)activated is what an operation can give or take away, whatever its status now.
 */
public final class AccessProbe {

	/** The pseudo-capability of holding everything as a System Administrator, which no permission list spells out. */
	public static final String SYSTEM_ADMINISTRATOR = "system-administrator";

	private AccessProbe() {
	}

	/** The catalog's permissions, as {@code area:action}. */
	public static List<String> permissions(AccessPolicy policy) {
		return policy.permissions().stream().map(Permission::toString).toList();
	}

	/** Every {@code permission@resource} the subject is allowed, over the given resources and permissions. */
	public static Set<String> capabilities(AccessPolicy policy, Subject subject, Collection<UUID> resources,
			Collection<String> permissions) {
		AccessGraph graph = new ActiveGraph(policy.graph());
		PolicyEvaluator evaluator = new PolicyEvaluator(graph);
		Set<String> capabilities = new HashSet<>();
		UserAccess user = graph.user(subject.userId());
		if (user != null && user.systemAdministrator() && subject.tokenScope().isUnrestricted()) {
			capabilities.add(SYSTEM_ADMINISTRATOR);
		}
		List<Permission> parsed = permissions.stream().map(Permission::parse).toList();
		for (UUID resource : resources) {
			for (Permission permission : parsed) {
				if (evaluator.allows(subject, permission, resource)) {
					capabilities.add(permission + "@" + resource);
				}
			}
		}
		return capabilities;
	}

	/** The live graph with every known user read as active. */
	private static final class ActiveGraph extends ForwardingAccessGraph {

		ActiveGraph(AccessGraph graph) {
			super(graph);
		}

		@Override
		public UserAccess user(UUID userId) {
			UserAccess user = super.user(userId);
			return user == null || user.active() ? user
					: new UserAccess(user.userId(), true, user.systemAdministrator(), user.restrictionRoot(),
							user.groupIds(), user.bindingsByResource(), user.groupProfiles());
		}
	}

	/** What {@code capabilities} hold beyond {@code limit}, sorted for a readable failure. */
	public static Set<String> beyond(Set<String> capabilities, Set<String> limit) {
		Set<String> extra = new java.util.TreeSet<>(capabilities);
		extra.removeAll(limit);
		return extra;
	}
}
