package io.gatehouse.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.gatehouse.cache.BenchmarkCaches;
import io.gatehouse.cache.ChangeArea;
import io.gatehouse.cache.SharedCaches;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The permission check of issue 3's target: a user in 10 groups, asking about a resource 4 levels below the
 * instance (workspace, project, environment, service). {@code cached} is {@link AccessPolicy#check} answering from
 * its decision cache, as every repeated check does; {@code uncached} runs the house rule itself over a loaded
 * generation, as the first check of a (user, permission, resource) after a change does. The graph is served from
 * memory by a store that stands in for the database, which a generation reads only once per change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AccessCheckBenchmark {

	private static final Permission UPDATE = Permission.parse("projects:update");

	private AccessPolicy policy;

	private AccessGeneration generation;

	private Subject subject;

	private UUID service;

	@Setup
	public void setUp() {
		InMemoryStore store = new InMemoryStore();
		UUID workspace = store.resource(Resources.INSTANCE);
		UUID project = store.resource(workspace);
		UUID environment = store.resource(project);
		service = store.resource(environment);
		UUID user = UUID.randomUUID();
		// nine groups bound elsewhere, one bound as Editor at the project: the walk meets them all
		for (int i = 0; i < 9; i++) {
			UUID other = store.resource(store.resource(Resources.INSTANCE));
			store.groupBinding(user, BuiltInRoles.VIEWER, other);
		}
		store.groupBinding(user, BuiltInRoles.EDITOR, project);
		subject = Subject.session(user);
		UserStatusSource everyoneActive = new UserStatusSource() {
			@Override
			public boolean isActive(UUID userId) {
				return true;
			}

			@Override
			public boolean exists(UUID userId) {
				return true;
			}
		};
		SharedCaches caches = BenchmarkCaches.create();
		policy = new AccessPolicy(store, everyoneActive, caches);
		if (!policy.check(subject, UPDATE, service).allowed()) {
			throw new IllegalStateException("the benchmark's user should be allowed");
		}
		generation = new AccessGeneration(1, new AccessGeneration.AccessCaches(
				caches.cache("uncached.decisions", ChangeArea.ACCESS, 100_000),
				caches.cache("uncached.users", ChangeArea.ACCESS, 100_000),
				caches.cache("uncached.paths", ChangeArea.ACCESS, 100_000),
				caches.cache("uncached.labels", ChangeArea.ACCESS, 100_000)), store, everyoneActive, () -> true);
		new PolicyEvaluator(generation).check(subject, UPDATE, service);
	}

	@Benchmark
	public boolean cached() {
		return policy.check(subject, UPDATE, service).allowed();
	}

	@Benchmark
	public boolean uncached() {
		return new PolicyEvaluator(generation).check(subject, UPDATE, service).allowed();
	}

	/** The database's part of the graph, held in maps. */
	static final class InMemoryStore extends AccessGraphStore {

		private final Map<UUID, UUID> parents = new HashMap<>();

		private final List<Binding> bindings = new ArrayList<>();

		private final Map<UUID, Set<UUID>> groups = new HashMap<>();

		InMemoryStore() {
			super(null);
		}

		UUID resource(UUID parent) {
			UUID id = UUID.randomUUID();
			parents.put(id, parent);
			return id;
		}

		void groupBinding(UUID user, UUID role, UUID resource) {
			UUID group = UUID.randomUUID();
			groups.computeIfAbsent(user, u -> new java.util.HashSet<>()).add(group);
			bindings.add(new Binding(UUID.randomUUID(), PrincipalType.GROUP, group, role, resource));
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
			Set<UUID> mine = groupsOf(userId);
			return bindings.stream().filter(b -> mine.contains(b.principalId())).toList();
		}

		@Override
		Set<UUID> groupsOf(UUID userId) {
			return groups.getOrDefault(userId, Set.of());
		}

		@Override
		Map<UUID, GroupProfile> profilesOf(UUID userId) {
			return new LinkedHashMap<>();
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

		/** The catalog: the engine denies what it does not declare. */
		@Override
		List<Permission> permissions() {
			return List.of(UPDATE);
		}
	}
}
