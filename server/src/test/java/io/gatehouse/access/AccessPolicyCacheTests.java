package io.gatehouse.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.cache.OneNodeCaches;
import io.gatehouse.shared.AccessRelevantChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision cache forgets exactly what a committed change can alter, and never serves a stale answer. */
class AccessPolicyCacheTests {

	private static final Permission READ = Permission.parse("projects:read");

	private final CountingStore store = new CountingStore();

	private final AccessPolicy policy = new AccessPolicy(store, new UserStatusSource() {
		@Override
		public boolean isActive(UUID userId) {
			return true;
		}

		@Override
		public boolean exists(UUID userId) {
			return true;
		}
	}, OneNodeCaches.create());

	private final UUID workspace = UUID.randomUUID();

	private final UUID alice = UUID.randomUUID();

	private final UUID bob = UUID.randomUUID();

	@Test
	void aChangeToOneUserForgetsThatUserOnly() {
		store.parents.put(workspace, Resources.INSTANCE);
		store.bind(alice, BuiltInRoles.VIEWER, workspace);
		store.bind(bob, BuiltInRoles.VIEWER, workspace);
		assertThat(allowed(alice)).isTrue();
		assertThat(allowed(bob)).isTrue();
		int loads = store.userLoads;

		store.bindings.removeIf(binding -> binding.principalId().equals(alice));
		policy.forgetAfterCommit(change(alice));

		assertThat(allowed(alice)).as("alice's binding is gone").isFalse();
		assertThat(allowed(bob)).isTrue();
		assertThat(store.userLoads).as("only alice was read again").isEqualTo(loads + 1);
	}

	@Test
	void aChangeThatCanAlterAnyoneStartsAfresh() {
		store.parents.put(workspace, Resources.INSTANCE);
		store.bind(alice, BuiltInRoles.VIEWER, workspace);
		store.bind(bob, BuiltInRoles.VIEWER, workspace);
		assertThat(allowed(alice)).isTrue();
		assertThat(allowed(bob)).isTrue();

		store.bindings.clear();
		policy.forgetAfterCommit(change(null));

		assertThat(allowed(alice)).isFalse();
		assertThat(allowed(bob)).isFalse();
	}

	@Test
	void aDecisionComputedWhileItsUserIsForgottenIsNeverServed() {
		store.parents.put(workspace, Resources.INSTANCE);
		store.bind(alice, BuiltInRoles.VIEWER, workspace);
		AccessGeneration generation = (AccessGeneration) policy.graph();
		// a check that started before the change: its key, then its answer from the old binding
		AccessGeneration.DecisionKey key = generation.decisionKey(alice, READ, workspace);
		AccessDecision stale = new PolicyEvaluator(generation).check(Subject.session(alice), READ, workspace);
		assertThat(stale.allowed()).isTrue();

		store.bindings.clear();
		policy.forgetAfterCommit(change(alice));
		generation.remember(key, stale);

		assertThat(allowed(alice)).as("the late answer went under a key no lookup builds any more").isFalse();
	}

	private boolean allowed(UUID user) {
		return policy.check(Subject.session(user), READ, workspace).allowed();
	}

	private static AccessRelevantChange change(UUID user) {
		return new AccessRelevantChange() {
			@Override
			public UUID affectedUser() {
				return user;
			}
		};
	}

	/** The database's part of the graph in maps, counting how often a user's access is read. */
	private static final class CountingStore extends AccessGraphStore {

		final Map<UUID, UUID> parents = new HashMap<>();

		final List<Binding> bindings = new ArrayList<>();

		int userLoads;

		CountingStore() {
			super(null);
		}

		void bind(UUID user, UUID role, UUID resource) {
			bindings.add(new Binding(UUID.randomUUID(), PrincipalType.USER, user, role, resource));
		}

		@Override
		List<PathStep> path(UUID resourceId) {
			List<PathStep> path = new ArrayList<>();
			for (UUID id = resourceId; id != null; id = parents.get(id)) {
				path.add(new PathStep(id, null));
			}
			return path;
		}

		@Override
		List<Binding> bindingsOf(UUID userId) {
			userLoads++;
			return bindings.stream().filter(binding -> binding.principalId().equals(userId)).toList();
		}

		@Override
		Set<UUID> groupsOf(UUID userId) {
			return Set.of();
		}

		@Override
		Map<UUID, GroupProfile> profilesOf(UUID userId) {
			return Map.of();
		}

		@Override
		UUID restrictionOf(UUID userId) {
			return null;
		}

		@Override
		Map<UUID, RoleDefinition> customRoles() {
			return Map.of();
		}

		@Override
		Set<String> administrativeAreas() {
			return Set.of();
		}

		@Override
		List<Permission> permissions() {
			return List.of(READ);
		}
	}
}
