package io.gatehouse.api.escalation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AccessPolicy;
import io.gatehouse.access.AccessProbe;
import io.gatehouse.access.Subject;
import io.gatehouse.passwords.PasswordHasher;
import io.gatehouse.shared.Actor;
import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No escalation, as a property of the whole API rather than a list of remembered holes. For every write operation
 * of the OpenAPI document, as each {@link ActorKind}, in a fresh {@link EscalationWorld}, every request of the
 * operation's {@link EscalationCases case} is sent, and after each one:
 * <ol>
 * <li>nobody the actor controls can do anything the actor could not do before: the actor, users whose password or
 * email the request set (the actor knows the one, receives the reset link at the other), users it made, and tokens it
 * minted;</li>
 * <li>nothing changed about anyone who holds more than the actor (status, credentials, sessions, tokens, second
 * factor, allowlist, lock, roles, groups, restriction, ownership, or what they can do), and a request aimed at such
 * a person was refused;</li>
 * <li>the answer was not a 5xx.</li>
 * </ol>
 * "Holds more" and "can do" are read from the engine itself: every permission of the catalog at every resource of
 * the world, as if each user were active, plus being a System Administrator. An operation without a case fails the
 * test, so a new endpoint cannot ship unchecked.
 *
 * <p>
 * Its thousands of users, groups and roles live in a database of their own, so that the lists other tests look at
 * stay the size they expect.
 */
class EscalationIntegrationTests extends ApiIntegrationTest {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ownDatabase(registry, "gatehouse_escalation_test");
	}

	private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

	private static final Map<String, int[]> MATRIX = new ConcurrentHashMap<>();

	private static final AtomicInteger REQUESTS = new AtomicInteger();

	private static final java.util.concurrent.atomic.AtomicLong WORLD_NANOS = new java.util.concurrent.atomic.AtomicLong();

	private static final java.util.concurrent.atomic.AtomicLong SNAPSHOT_NANOS = new java.util.concurrent.atomic.AtomicLong();

	private static final java.util.concurrent.atomic.AtomicLong REQUEST_NANOS = new java.util.concurrent.atomic.AtomicLong();

	private static String passwordHash;

	/** The actor kind of each dynamic test, by its place. */
	private final List<ActorKind> kinds = new ArrayList<>();

	private final Map<Integer, CompletableFuture<EscalationWorld>> prepared = new ConcurrentHashMap<>();

	private final ExecutorService maker = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "escalation-worlds");
		thread.setDaemon(true);
		return thread;
	});

	@Autowired
	private ApplicationContext context;

	@Autowired
	private AccessPolicy policy;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private AccessControl access;

	@TestFactory
	Stream<DynamicTest> noWriteOperationGivesAnyoneMoreThanTheActorHolds() {
		assertThat(((HikariDataSource) dataSource).getJdbcUrl()).as("a database of its own")
			.contains("gatehouse_escalation_test");
		List<String> operations = writeOperations();
		Map<String, Function<EscalationWorld, List<Call>>> cases = EscalationCases.all();
		List<DynamicTest> tests = new ArrayList<>();
		kinds.clear();
		tests.add(DynamicTest.dynamicTest("every case names an operation of the API", () -> assertThat(operations)
			.as("operations of the OpenAPI document").containsAll(cases.keySet())));
		for (String operation : operations) {
			if (!cases.containsKey(operation)) {
				tests.add(DynamicTest.dynamicTest(operation + " has an escalation case", () -> assertThat(cases)
					.as("EscalationCases has no case for " + operation + ": write one").containsKey(operation)));
				continue;
			}
			for (ActorKind kind : ActorKind.values()) {
				kinds.add(kind);
				int index = kinds.size() - 1;
				tests.add(DynamicTest.dynamicTest(operation + " as " + kind, () -> run(index, operation, cases)));
			}
		}
		return tests.stream();
	}

	@AfterAll
	static void report() {
		Map<String, int[]> sorted = new TreeMap<>(MATRIX);
		StringBuilder table = new StringBuilder("Escalation matrix: operation x actor -> requests (refused)\n");
		int cases = 0;
		for (Map.Entry<String, int[]> row : sorted.entrySet()) {
			table.append(String.format("  %-70s %4d (%d refused)%n", row.getKey(), row.getValue()[0],
					row.getValue()[1]));
			cases++;
		}
		table.append(String.format("escalation: %d operation x actor cases, %d requests; %d s making worlds, %d s in "
				+ "snapshots, %d s in requests%n", cases, REQUESTS.get(), WORLD_NANOS.get() / 1_000_000_000,
				SNAPSHOT_NANOS.get() / 1_000_000_000, REQUEST_NANOS.get() / 1_000_000_000));
		System.out.print(table);
	}

	private void run(int index, String operation, Map<String, Function<EscalationWorld, List<Call>>> cases) {
		ActorKind kind = kinds.get(index);
		long start = System.nanoTime();
		CompletableFuture<EscalationWorld> made = prepared.remove(index);
		EscalationWorld world = made == null ? worlds().make(kind) : made.join();
		WORLD_NANOS.addAndGet(System.nanoTime() - start);
		// the next case's world is made while this one runs: the server is busy with one, the database with the other
		if (index + 1 < kinds.size()) {
			ActorKind next = kinds.get(index + 1);
			EscalationWorlds worlds = worlds();
			prepared.put(index + 1, CompletableFuture.supplyAsync(() -> worlds.make(next), maker));
		}
		List<String> failures = new ArrayList<>();
		WorldSnapshot last = null;
		for (Call call : cases.get(operation).apply(world)) {
			Result result = check(world, call, operation, last);
			failures.addAll(result.failures());
			last = result.after();
		}
		assertThat(failures).as(operation + " as " + kind).isEmpty();
	}

	/** The failures of one request, and the world after it, if nothing was undone since. */
	private record Result(List<String> failures, WorldSnapshot after) {
	}

	/**
	 * Sends one request and checks what it did.
	 *
	 * @param last the world after the previous request of the case, when nothing changed it since: the snapshot
	 * before this one
	 */
	private Result check(EscalationWorld world, Call call, String operation, WorldSnapshot last) {
		CaseSupport support = new CaseSupport(context, world);
		if (call.setup() != null) {
			call.setup().accept(support);
		}
		List<UUID> universe = world.resourceIds();
		List<String> permissions = permissionsOf(world);
		Subject actor = actorSubject(world);
		long start = System.nanoTime();
		WorldSnapshot before = last != null && call.setup() == null ? last
				: WorldSnapshot.take(world, Set.of(), universe, permissions, jdbc, policy, access);
		Set<String> actorHeld = AccessProbe.capabilities(policy, actor, universe, permissions);
		long sent = System.nanoTime();
		int status;
		try {
			status = send(world, call, support);
		}
		finally {
			REQUESTS.incrementAndGet();
		}
		long answered = System.nanoTime();
		WorldSnapshot after = WorldSnapshot.take(world, before.users(), universe, permissions, jdbc, policy, access);
		SNAPSHOT_NANOS.addAndGet(System.nanoTime() - answered + sent - start);
		REQUEST_NANOS.addAndGet(answered - sent);
		if (call.cleanup() != null) {
			call.cleanup().accept(support);
		}
		int[] cell = MATRIX.computeIfAbsent(operation + " as " + world.kind, key -> new int[2]);
		cell[0]++;
		if (status >= 400 && status < 500) {
			cell[1]++;
		}

		List<String> failures = new ArrayList<>();
		String what = call + " answered " + status;
		if (status >= 500) {
			failures.add(what + ": a server error");
		}
		// 1. whoever the actor controls after the request holds nothing the actor did not
		for (Map.Entry<String, Set<String>> controlled : controlledAfter(world, actor, permissions, before, after)
			.entrySet()) {
			Set<String> beyond = AccessProbe.beyond(restrictTo(controlled.getValue(), before.resources, permissions),
					actorHeld);
			if (!beyond.isEmpty()) {
				failures.add(what + ": " + controlled.getKey() + " can now do what the actor could not: " + beyond);
			}
		}
		// 2. nothing was taken from anyone who holds more than the actor, nor changed about their account, and a
		// request aimed at them was refused; giving them more is a grant, held to the rule of granting elsewhere
		for (UUID user : before.users()) {
			boolean self = user.equals(world.actor());
			if ((self && world.kind != ActorKind.SCOPED_TOKEN) || !outranks(before.capabilities.get(user), actorHeld)) {
				continue;
			}
			String name = nameOf(world, user);
			List<String> changed = WorldSnapshot.changes(before.accounts.get(user), after.accounts.get(user),
					self ? world.actorTokenId : null);
			// a resource deleted, or a permission the catalog no longer declares, is nothing anyone holds any more
			Set<String> lost = AccessProbe.beyond(restrictTo(before.capabilities.get(user), after.resources,
					permissionsOf(world)),
					after.capabilities.get(user));
			if (!lost.isEmpty()) {
				changed.add("lost what they could do: " + lost);
			}
			if (!changed.isEmpty()) {
				failures.add(what + ": " + name + ", who holds more than the actor, was changed: " + changed);
			}
			if (name.equals(call.target()) && status < 400) {
				failures.add(what + ": acted on " + name + ", who holds more than the actor");
			}
		}
		return new Result(failures, call.cleanup() == null ? after : null);
	}

	/** Each principal the actor controls after the request, with what it can do. */
	private Map<String, Set<String>> controlledAfter(EscalationWorld world, Subject actor, List<String> permissions,
			WorldSnapshot before, WorldSnapshot after) {
		List<UUID> universe = world.resourceIds();
		Map<String, Set<String>> controlled = new TreeMap<>();
		controlled.put("the actor", AccessProbe.capabilities(policy, actorSubject(world), universe, permissions));
		for (UUID user : after.users()) {
			if (user.equals(world.actor())) {
				continue;
			}
			Map<String, Object> was = before.accounts.get(user);
			Map<String, Object> is = after.accounts.get(user);
			boolean made = was == null;
			boolean credentials = !made && (!java.util.Objects.equals(was.get("password_hash"), is.get("password_hash"))
					|| !java.util.Objects.equals(was.get("email_normalized"), is.get("email_normalized")));
			if (made || credentials) {
				controlled.put((made ? "a user it made, " : "a user whose credentials it set, ") + nameOf(world, user),
						after.capabilities.get(user));
			}
		}
		for (Map.Entry<UUID, UUID> token : after.tokens.entrySet()) {
			if (!before.tokens.containsKey(token.getKey())) {
				Subject minted = access.subjectOf(new Actor(token.getValue(), null, null, null, token.getKey()));
				controlled.put("a token it minted for " + nameOf(world, token.getValue()),
						AccessProbe.capabilities(policy, minted, universe, permissions));
			}
		}
		return controlled;
	}

	@SuppressWarnings("unchecked")
	private int send(EscalationWorld world, Call call, CaseSupport support) {
		RestTestClient.RequestBodySpec request = withToken(world.actorSecret).method(HttpMethod.valueOf(call.method()))
			.uri(call.path());
		Object body = call.body() instanceof Function<?, ?> function
				? ((Function<CaseSupport, Object>) function).apply(support) : call.body();
		RestTestClient.ResponseSpec response = body == null ? request.exchange()
				: request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
		EntityExchangeResult<String> result = response.expectBody(String.class).returnResult();
		return result.getStatus().value();
	}

	private Subject actorSubject(EscalationWorld world) {
		return access.subjectOf(new Actor(world.actor(), null, null, null, world.actorTokenId));
	}

	/** The catalog's permissions, but for the areas other worlds registered. */
	private List<String> permissionsOf(EscalationWorld world) {
		return AccessProbe.permissions(policy)
			.stream()
			.filter(permission -> !permission.matches("x[0-9a-f]{10}-.*") || permission.startsWith(world.prefix))
			.toList();
	}

	private static boolean outranks(Set<String> held, Set<String> actorHeld) {
		return held != null && !actorHeld.containsAll(held);
	}

	/** The capabilities on these resources and of these permissions. */
	private static Set<String> restrictTo(Set<String> capabilities, Set<UUID> resources,
			Collection<String> permissions) {
		Set<String> declared = new HashSet<>(permissions);
		Set<String> kept = new TreeSet<>();
		for (String capability : capabilities) {
			int at = capability.lastIndexOf('@');
			if (at < 0 || (resources.contains(UUID.fromString(capability.substring(at + 1)))
					&& declared.contains(capability.substring(0, at)))) {
				kept.add(capability);
			}
		}
		return kept;
	}

	private static String nameOf(EscalationWorld world, UUID user) {
		return world.users.entrySet()
			.stream()
			.filter(entry -> entry.getValue().equals(user))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse("user " + user);
	}

	private synchronized EscalationWorlds worlds() {
		if (passwordHash == null) {
			passwordHash = context.getBean(PasswordHasher.class).hash(EscalationCases.ACTOR_PASSWORD);
		}
		return new EscalationWorlds(context, passwordHash);
	}

	/** Every write operation of the OpenAPI document, as {@code METHOD /path}. */
	@SuppressWarnings("unchecked")
	private List<String> writeOperations() {
		Map<String, Object> document = anonymous().get().uri("/api/openapi").exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
		Set<String> operations = new TreeSet<>();
		((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, methods) -> methods.keySet()
			.stream()
			.filter(WRITES::contains)
			.forEach(method -> operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path)));
		return new ArrayList<>(operations);
	}
}
