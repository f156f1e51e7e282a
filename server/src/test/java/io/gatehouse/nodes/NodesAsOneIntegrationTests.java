package io.gatehouse.nodes;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.jobs.OnceAcrossNodes;
import io.gatehouse.support.GatehouseNode;
import io.gatehouse.support.TestDatabase;
import io.gatehouse.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.support.ScheduledMethodRunnable;
import org.springframework.test.util.ReflectionTestUtils;

import static io.gatehouse.support.GatehouseNode.ADMIN;
import static io.gatehouse.support.GatehouseNode.ADMIN_PASSWORD;
import static io.gatehouse.support.GatehouseNode.PASSWORD;
import static io.gatehouse.support.GatehouseNode.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several nodes on one PostgreSQL behave as one: what one node decides (a deactivation, a revoked binding, a custom
 * role's permissions, a setting, a lock) holds on the others within the documented bound of one poll interval; the
 * outbox delivers each mail once while nodes stop and start, and a killed node's claims go to another within the
 * mail lease; every scheduled job runs once across nodes. (The caches of every kind are
 * checked across nodes in CachesAcrossNodesIntegrationTests, the first start of several nodes at once in
 * SimultaneousFirstStartIntegrationTests.) PostgreSQL only: it is what nodes share in production.
 */
@EnabledIfSystemProperty(named = "gatehouse.test.db", matches = "postgresql",
		disabledReason = "several nodes share one PostgreSQL; H2 here is in-memory per JVM")
@ExtendWith(TestDatabase.class)
class NodesAsOneIntegrationTests {

	private static final String RESET_SUBJECT = "reset your password";

	private static final Duration POLL = Duration.ofSeconds(1);

	// the documented bound: the poll interval, plus the poll itself and a request on a busy machine
	private static final Duration BOUND = POLL.plusMillis(500);

	// a claim on a mail lasts this long unless its node renews it
	private static final Duration MAIL_LEASE = Duration.ofSeconds(2);

	private static final Duration MAIL_POLL = Duration.ofMillis(300);

	// a dead node's claim runs out, the next poll of a live node takes it; plus a busy machine
	private static final Duration MAIL_BOUND = MAIL_LEASE.plus(MAIL_POLL).plusMillis(1500);

	// an account is locked after this many failures; none of them is delayed first
	private static final int LOCK_AFTER = 5;

	private static String url;

	private static GatehouseNode a;

	private static GatehouseNode b;

	private static String adminToken;

	@BeforeAll
	static void startTwoNodes() {
		url = TestDatabase.url("gatehouse_nodes_one_test");
		a = node();
		b = node();
		adminToken = a.token(a.signIn(ADMIN, ADMIN_PASSWORD));
	}

	@AfterAll
	static void stopNodes() {
		for (GatehouseNode node : new GatehouseNode[] { b, a }) {
			if (node != null && node.isRunning()) {
				node.close();
			}
		}
	}

	private static GatehouseNode node() {
		return GatehouseNode.start(url, Map.ofEntries(
				Map.entry("gatehouse.cache.poll-interval", POLL.toString()),
				Map.entry("gatehouse.sign-in.throttle.account.free-attempts", Integer.toString(LOCK_AFTER)),
				Map.entry("gatehouse.sign-in.throttle.account.lock-after", Integer.toString(LOCK_AFTER)),
				Map.entry("gatehouse.mail.host", "127.0.0.1"),
				Map.entry("gatehouse.mail.port", Integer.toString(TestMailServer.port())),
				Map.entry("gatehouse.mail.tls", "none"),
				Map.entry("gatehouse.mail.poll-interval", MAIL_POLL.toString()),
				Map.entry("gatehouse.mail.lease", MAIL_LEASE.toString()),
				Map.entry("gatehouse.mail.retry-backoff", "PT0.5S")));
	}

	@Test
	void aDeactivationOnOneNodeRefusesTheTokenAndTheSessionOnTheOther() {
		Map<String, Object> user = createUser("deact");
		GatehouseNode.Session session = b.signIn((String) user.get("username"), PASSWORD);
		String token = b.token(session);
		IntSupplier byToken = () -> status(b.withToken(token).get().uri("/api/v1/me"));
		IntSupplier bySession = () -> status(b.anonymous().get().uri("/api/v1/me")
			.header(HttpHeaders.COOKIE, "GATEHOUSE_SESSION=" + session.cookie()));
		assertThat(byToken.getAsInt()).isEqualTo(200);
		assertThat(bySession.getAsInt()).isEqualTo(200);

		a.withToken(adminToken).post().uri("/api/v1/users/{id}/deactivate", user.get("id")).exchange()
			.expectStatus().isOk();

		await().atMost(BOUND).pollInterval(Duration.ofMillis(50))
			.until(() -> byToken.getAsInt() == 401 && bySession.getAsInt() == 401);
	}

	@Test
	void aRoleTakenAwayOnOneNodeIsDecidedOnTheOther() {
		Map<String, Object> user = createUser("role");
		String workspace = (String) a.post(adminToken, "/api/v1/resources",
				Map.of("type", "workspace", "name", "Nodes " + UUID.randomUUID())).get("id");
		Map<String, Object> binding = a.post(adminToken, "/api/v1/resources/" + workspace + "/bindings",
				Map.of("principalType", "user", "principalId", user.get("id"), "roleId",
						BuiltInRoles.VIEWER.toString()));
		Map<String, Object> question = Map.of("user", user.get("id"), "permission", "projects:read", "resource",
				workspace);
		await().atMost(BOUND).pollInterval(Duration.ofMillis(50))
			.until(() -> Boolean.TRUE.equals(b.post(adminToken, "/api/v1/authz/check", question).get("allowed")));

		a.withToken(adminToken).delete().uri("/api/v1/bindings/{id}", binding.get("id")).exchange()
			.expectStatus().is2xxSuccessful();

		await().atMost(BOUND).pollInterval(Duration.ofMillis(50))
			.until(() -> Boolean.FALSE.equals(b.post(adminToken, "/api/v1/authz/check", question).get("allowed")));
	}

	@Test
	void aCustomRolesPermissionsEditedOnOneNodeAreDecidedOnTheOther() {
		Map<String, Object> user = createUser("custom");
		String workspace = (String) a.post(adminToken, "/api/v1/resources",
				Map.of("type", "workspace", "name", "Nodes " + UUID.randomUUID())).get("id");
		String roleName = "Nodes role " + UUID.randomUUID();
		String role = (String) a.post(adminToken, "/api/v1/roles",
				Map.of("name", roleName, "permissions", List.of("projects:read"))).get("id");
		a.post(adminToken, "/api/v1/resources/" + workspace + "/bindings",
				Map.of("principalType", "user", "principalId", user.get("id"), "roleId", role));
		Map<String, Object> question = Map.of("user", user.get("id"), "permission", "projects:read", "resource",
				workspace);
		await().atMost(BOUND).pollInterval(Duration.ofMillis(50))
			.until(() -> Boolean.TRUE.equals(b.post(adminToken, "/api/v1/authz/check", question).get("allowed")));

		// the role loses the permission on A: B refuses within the bound
		a.withToken(adminToken).put().uri("/api/v1/roles/{id}", role).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", roleName, "permissions", List.of("users:read"))).exchange()
			.expectStatus().is2xxSuccessful();
		await().atMost(BOUND).pollInterval(Duration.ofMillis(50))
			.until(() -> Boolean.FALSE.equals(b.post(adminToken, "/api/v1/authz/check", question).get("allowed")));

		// and gets it back: B allows again
		a.withToken(adminToken).put().uri("/api/v1/roles/{id}", role).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", roleName, "permissions", List.of("users:read", "projects:read"))).exchange()
			.expectStatus().is2xxSuccessful();
		await().atMost(BOUND).pollInterval(Duration.ofMillis(50))
			.until(() -> Boolean.TRUE.equals(b.post(adminToken, "/api/v1/authz/check", question).get("allowed")));
	}

	@Test
	void aSettingChangedOnOneNodeAppliesOnTheOther() {
		Map<String, Object> user = createUser("preset");
		// twelve characters: enough for the complexity preset, too short for NIST's fifteen
		IntSupplier setShortPasswordOnB = () -> status(b.withToken(adminToken).put()
			.uri("/api/v1/users/{id}/password", user.get("id")).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("password", "Aa1!xYz9#kLm", "confirmPassword", "Aa1!xYz9#kLm")));
		assertThat(setShortPasswordOnB.getAsInt()).isEqualTo(204);
		try {
			patchSettingsOnA(Map.of("passwordPreset", "nist"));
			await().atMost(BOUND).pollInterval(Duration.ofMillis(50))
				.until(() -> setShortPasswordOnB.getAsInt() == 400);
		}
		finally {
			patchSettingsOnA(Map.of("passwordPreset", "complexity"));
		}
	}

	private static void patchSettingsOnA(Map<String, Object> changes) {
		a.withToken(adminToken).patch().uri("/api/v1/settings").contentType(MediaType.APPLICATION_JSON).body(changes)
			.exchange().expectStatus().isOk();
	}

	@Test
	void parallelGuessesOnTwoNodesGetNoMoreTriesThanTheLimit() throws Exception {
		Map<String, Object> user = createUser("guess");
		String login = (String) user.get("username");
		int guesses = 24;
		ExecutorService clients = Executors.newFixedThreadPool(guesses);
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Integer>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < guesses; i++) {
				GatehouseNode node = i % 2 == 0 ? a : b;
				// each from an address of its own: only the account's limit is in play
				String address = "198.51.100." + (i + 1);
				String guess = "Wrong-Guess-" + i;
				answers.add(CompletableFuture.supplyAsync(() -> {
					awaitLatch(go);
					return status(node.anonymous().post().uri("/api/v1/session")
						.header("X-Forwarded-For", address).contentType(MediaType.APPLICATION_JSON)
						.body(Map.of("login", login, "password", guess)));
				}, clients));
			}
			go.countDown();
			List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
			assertThat(statuses).containsOnly(401, 429);
			assertThat(statuses.stream().filter(status -> status == 401).count()).isBetween(1L, (long) LOCK_AFTER);
		}
		finally {
			clients.shutdownNow();
		}
		// locked on both nodes: even the right password is refused
		for (GatehouseNode node : List.of(a, b)) {
			assertThat(status(node.anonymous().post().uri("/api/v1/session").header("X-Forwarded-For", "198.51.100.200")
				.contentType(MediaType.APPLICATION_JSON).body(Map.of("login", login, "password", PASSWORD))))
				.isEqualTo(429);
		}
	}

	@Test
	void eachMailIsDeliveredOnceWhileNodesStopAndStart() throws Exception {
		GatehouseNode c = node();
		List<String> addresses = new ArrayList<>();
		try {
			for (int i = 0; i < 30; i++) {
				GatehouseNode through = i % 3 == 0 ? a : i % 3 == 1 ? b : c;
				if (i == 15) {
					// stops while mails are on their way: what it claimed and did not send is given back
					c.close();
					c = node();
				}
				String name = "mail" + UUID.randomUUID().toString().substring(0, 8);
				String email = name + "@example.com";
				addresses.add(email);
				(through.isRunning() ? through : a).post(adminToken, "/api/v1/invitations",
						Map.of("email", email, "username", name));
			}
			a.close();
			a = node();
			adminToken = a.token(a.signIn(ADMIN, ADMIN_PASSWORD));
		}
		finally {
			c.close();
		}
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> addresses.stream().allMatch(address -> TestMailServer.to(address).size() >= 1));
		// a few more polls of every node running: none sends one again
		Thread.sleep(1500);
		assertThat(addresses).allSatisfy(address -> assertThat(TestMailServer.to(address)).hasSize(1));
	}

	@Test
	void theMailsOfANodeKilledWhileHoldingThemGoOutWithinTheLeaseOnce() throws Exception {
		String email = "killed" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		// claimed by a node killed outright: nobody renews the claim or gives it back
		UUID id = insertMail(email, "SENDING", Instant.now(), Instant.now().plus(MAIL_LEASE));
		long started = System.nanoTime();

		await().atMost(MAIL_BOUND).pollInterval(Duration.ofMillis(50))
			.until(() -> !TestMailServer.to(email).isEmpty());
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(took).as("not before the claim ran out").isGreaterThanOrEqualTo(MAIL_LEASE.minusMillis(200));
		Thread.sleep(1500);
		assertThat(TestMailServer.to(email)).hasSize(1);
		assertThat(jdbc().sql("SELECT status FROM mail_outbox WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("SENT");
	}

	@Test
	void aLiveNodeKeepsItsClaimPastTheLeaseAndTheMailGoesOutOnce() throws Exception {
		String email = "slow" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		// not due for an hour, so no poll takes it before this node's claim
		UUID id = insertMail(email, "PENDING", Instant.now().plus(Duration.ofHours(1)), null);
		Object worker = a.context().getBean("outboxWorker");
		Object store = ReflectionTestUtils.getField(worker, "store");
		List<?> claimed = ReflectionTestUtils.invokeMethod(store, "claim", List.of(id),
				Instant.now().plus(Duration.ofHours(2)), Instant.now().plus(MAIL_LEASE),
				ReflectionTestUtils.getField(worker, "node"));
		assertThat(claimed).hasSize(1);
		// held by node A as a delivery that takes long (a slow SMTP server) would hold it: only the heartbeat renews it
		@SuppressWarnings("unchecked")
		Set<Object> held = (Set<Object>) ReflectionTestUtils.getField(worker, "held");
		held.addAll(claimed);

		Thread.sleep(MAIL_LEASE.multipliedBy(3).toMillis());
		assertThat(TestMailServer.to(email)).as("no other node took the claim of a live one").isEmpty();
		assertThat(jdbc().sql("SELECT status FROM mail_outbox WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("SENDING");

		ReflectionTestUtils.invokeMethod(worker, "deliver", claimed);
		Thread.sleep(1500);
		assertThat(TestMailServer.to(email)).hasSize(1);
	}

	private static UUID insertMail(String email, String status, Instant due, Instant leaseUntil) {
		UUID id = UUID.randomUUID();
		jdbc().sql("""
				INSERT INTO mail_outbox (id, recipient, recipient_normalized, template_name, subject, body_text, body_html,
				    status, attempts, next_attempt_at, lease_until, created_at, version)
				VALUES (?, ?, ?, 'invitation', 'Lease test', 'Hello', '<p>Hello</p>', ?, 0, ?, ?, ?, 2)""")
			.params(id, email, email, status, Timestamp.from(due), leaseUntil == null ? null : Timestamp.from(leaseUntil),
					Timestamp.from(Instant.now()))
			.update();
		return id;
	}

	@Test
	void aResetLinkLeftForTheSweepIsMadeOnceWhenTwoNodesSweepAtOnce() throws Exception {
		Map<String, Object> user = createUser("sweep");
		String email = (String) user.get("email");
		// a request whose node stopped before making its link: any node's sweep finds it
		jdbc().sql("INSERT INTO users_reset_request (id, email_normalized, client_ip, requested_at, handled_at) "
				+ "VALUES (?, ?, ?, ?, NULL)")
			.params(UUID.randomUUID(), email.toLowerCase(), "198.51.100.9",
					Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))))
			.update();
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Void>> sweeps = new ArrayList<>();
		for (GatehouseNode node : List.of(a, b)) {
			Object mailer = node.context().getBean("resetLinkMailer");
			sweeps.add(CompletableFuture.runAsync(() -> {
				awaitLatch(go);
				ReflectionTestUtils.invokeMethod(mailer, "sweep");
			}));
		}
		go.countDown();
		sweeps.forEach(CompletableFuture::join);

		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
			.until(() -> resetMails(email) >= 1);
		Thread.sleep(1000);
		assertThat(resetMails(email)).isEqualTo(1);
	}

	/**
	 * Every scheduled method of the application, fired on both nodes at once as their schedules would, does its work
	 * on one of them: it takes its jobs' lease, and firing it again on either node within its interval runs nothing.
	 * Only jobs that are one node's own by nature are left out (its memory; the reset sweep, whose rows are each
	 * claimed, tested above). A new scheduled job that forgets the lease fails here.
	 */
	@Test
	void scheduledJobsRunOnceAcrossNodes() throws Exception {
		Set<String> ownPerNode = Set.of("NativeMemoryTrimmer.trim", "ResetLinkMailer.sweep");
		Map<String, Runnable> onA = scheduledMethods(a);
		Map<String, Runnable> onB = scheduledMethods(b);
		assertThat(onA.keySet()).containsAll(ownPerNode)
			.contains("RetentionJobs.runDue", "SignInThrottle.deleteForgotten", "PasswordResets.forgetOldRequests",
					"SignInActivity.forgetOldDays");
		Set<String> nodes = Set.of(a.bean(OnceAcrossNodes.class).node(), b.bean(OnceAcrossNodes.class).node());
		for (String job : onA.keySet()) {
			if (ownPerNode.contains(job)) {
				continue;
			}
			jdbc().sql("DELETE FROM jobs_lease").update();
			CountDownLatch go = new CountDownLatch(1);
			List<CompletableFuture<Void>> runs = new ArrayList<>();
			for (Runnable fire : List.of(onA.get(job), onB.get(job))) {
				runs.add(CompletableFuture.runAsync(() -> {
					awaitLatch(go);
					fire.run();
				}));
			}
			go.countDown();
			runs.forEach(CompletableFuture::join);
			List<Map<String, Object>> taken = jdbc().sql("SELECT job_name, last_run_at, last_run_by FROM jobs_lease "
					+ "ORDER BY job_name").query().listOfRows();
			assertThat(taken).as("%s takes a lease", job).isNotEmpty();
			assertThat(taken).as(job).allSatisfy(row -> assertThat(nodes).contains((String) row.get("last_run_by")));

			onA.get(job).run();
			onB.get(job).run();
			assertThat(jdbc().sql("SELECT job_name, last_run_at, last_run_by FROM jobs_lease ORDER BY job_name")
				.query().listOfRows()).as("%s within its interval", job).isEqualTo(taken);
		}
	}

	/** The node's scheduled methods by class and method name, each run as its schedule runs it. */
	private static Map<String, Runnable> scheduledMethods(GatehouseNode node) {
		Map<String, Runnable> methods = new TreeMap<>();
		for (ScheduledTask task : node.bean(ScheduledAnnotationBeanPostProcessor.class).getScheduledTasks()) {
			Runnable runnable = task.getTask().getRunnable();
			// the task tracks its outcome around the method's runnable
			Object inner = runnable instanceof ScheduledMethodRunnable ? runnable
					: ReflectionTestUtils.getField(runnable, "runnable");
			if (inner instanceof ScheduledMethodRunnable method) {
				methods.put(method.getMethod().getDeclaringClass().getSimpleName() + "." + method.getMethod().getName(),
						method);
			}
		}
		return methods;
	}

	private static long resetMails(String email) {
		return TestMailServer.to(email).stream().filter(mail -> mail.subject().contains(RESET_SUBJECT)).count();
	}

	private static JdbcClient jdbc() {
		return a.bean(JdbcClient.class);
	}

	private static void awaitLatch(CountDownLatch go) {
		try {
			go.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Map<String, Object> createUser(String prefix) {
		String name = prefix + UUID.randomUUID().toString().substring(0, 8);
		return a.post(adminToken, "/api/v1/users",
				Map.of("username", name, "email", name + "@example.com", "password", PASSWORD));
	}
}
