package io.gatehouse.api.users;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Resources;
import io.gatehouse.support.ApiIntegrationTest;
import io.gatehouse.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that race for the same unique value: each gets an answer it can act on, never a 500. Parallel creates that
 * infer the same username each get their own; otherwise one wins and the others get 409 naming the field.
 */
class UniqueRacesIntegrationTests extends ApiIntegrationTest {

	private static final int PARALLEL = 8;

	@Test
	void parallelCreatesThatInferTheSameUsernameEachGetTheirOwn() throws Exception {
		String local = unique("racer");
		List<EntityExchangeResult<Map<String, Object>>> answers = inParallel(i -> admin().post().uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", local + "@d" + i + ".example.com", "groups", List.of(testUsersGroup())))
			.exchange().expectBody(JSON).returnResult());
		assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatus().value()).as(String.valueOf(answer
			.getResponseBody())).isEqualTo(201));
		assertThat(usernames(answers.stream().map(EntityExchangeResult::getResponseBody).toList(), local))
			.hasSize(PARALLEL);
	}

	@Test
	void parallelBatchesThatInferTheSameUsernameEachGetTheirOwn() throws Exception {
		String local = unique("batcher");
		List<EntityExchangeResult<Map<String, Object>>> answers = inParallel(i -> admin().post()
			.uri("/api/v1/users/batch").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("accounts", List.of(Map.of("email", local + "@d" + i + ".example.com")), "groups",
					List.of(testUsersGroup())))
			.exchange().expectBody(JSON).returnResult());
		List<Map<String, Object>> users = new ArrayList<>();
		for (EntityExchangeResult<Map<String, Object>> answer : answers) {
			assertThat(answer.getStatus().value()).isEqualTo(200);
			assertThat((List<?>) answer.getResponseBody().get("failed")).as(String.valueOf(answer.getResponseBody()))
				.isEmpty();
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> created = (List<Map<String, Object>>) answer.getResponseBody().get("created");
			created.forEach(made -> users.add(userOf(made)));
		}
		assertThat(usernames(users, local)).hasSize(PARALLEL);
	}

	@Test
	void parallelInvitationsThatInferTheSameUsernameEachGetTheirOwn() throws Exception {
		String local = unique("invitee");
		List<EntityExchangeResult<Map<String, Object>>> answers = inParallel(i -> admin().post()
			.uri("/api/v1/invitations").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", local + "@d" + i + ".example.com", "groups", List.of(testUsersGroup())))
			.exchange().expectBody(JSON).returnResult());
		assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatus().value()).as(String.valueOf(answer
			.getResponseBody())).isEqualTo(201));
		assertThat(usernames(answers.stream().map(EntityExchangeResult::getResponseBody).toList(), local))
			.hasSize(PARALLEL);
	}

	@Test
	void twoUsersConfirmingTheSameNewAddressAtOnceGetOneSuccessAndOneConflict() throws Exception {
		String wanted = unique("contested") + "@example.com";
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			String name = unique("claimant");
			createUser(name);
			signIn(name, PASSWORD).client().post().uri("/api/v1/me/email").contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("email", wanted, "currentPassword", PASSWORD)).exchange().expectStatus().isAccepted();
			tokens.add(TestMailServer.await(wanted, "confirm your new email address", i + 1).token());
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<EntityExchangeResult<Map<String, Object>>>> futures = new ArrayList<>();
			for (String token : tokens) {
				Callable<EntityExchangeResult<Map<String, Object>>> confirm = () -> {
					start.await();
					return anonymous().post().uri("/api/v1/email-confirmations").contentType(MediaType.APPLICATION_JSON)
						.body(Map.of("token", token)).exchange().expectBody(JSON).returnResult();
				};
				futures.add(pool.submit(confirm));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<EntityExchangeResult<Map<String, Object>>> future : futures) {
				EntityExchangeResult<Map<String, Object>> answer = future.get();
				statuses.add(answer.getStatus().value());
				if (answer.getStatus().value() == 409) {
					assertThat(answer.getResponseBody()).containsEntry("code", "email-taken");
					assertThat(answer.getResponseBody().get("errors").toString()).contains("field=email");
				}
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void usersGivenTheSameAddressAtOnceByAnAdministratorGetOneSuccessAndConflicts() throws Exception {
		String wanted = unique("shared") + "@example.com";
		List<Object> ids = new ArrayList<>();
		for (int i = 0; i < PARALLEL; i++) {
			ids.add(createUser(unique("sharer")).get("id"));
		}
		List<EntityExchangeResult<Map<String, Object>>> answers = inParallel(PARALLEL, i -> admin().patch()
			.uri("/api/v1/users/{id}", ids.get(i)).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", wanted)).exchange().expectBody(JSON).returnResult());
		assertOneWinsOthersConflict(answers, 200, "email-taken", "email");
	}

	@Test
	void parallelGroupsWithTheSameNameGetOneCreatedAndConflictsNamingTheName() throws Exception {
		String name = unique("Twins ");
		List<EntityExchangeResult<Map<String, Object>>> answers = inParallel(PARALLEL, i -> admin().post()
			.uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON).body(Map.of("name", name))
			.exchange().expectBody(JSON).returnResult());
		assertOneWinsOthersConflict(answers, 201, "group-name-taken", "name");
	}

	@Test
	void parallelRolesWithTheSameNameGetOneCreatedAndConflictsNamingTheName() throws Exception {
		String name = unique("Twin role ");
		List<EntityExchangeResult<Map<String, Object>>> answers = inParallel(PARALLEL, i -> admin().post()
			.uri("/api/v1/roles").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "permissions", List.of("projects:read")))
			.exchange().expectBody(JSON).returnResult());
		assertOneWinsOthersConflict(answers, 201, "role-name-taken", "name");
	}

	@Test
	void parallelBindingsOfTheSameRoleGetOneCreatedAndConflictsNamingTheRole() throws Exception {
		Map<String, Object> user = createUser(unique("bound"));
		List<EntityExchangeResult<Map<String, Object>>> answers = inParallel(PARALLEL, i -> bind(admin(),
				Resources.INSTANCE.toString(), user, BuiltInRoles.VIEWER).expectBody(JSON).returnResult());
		assertOneWinsOthersConflict(answers, 201, "binding-exists", "roleId");
	}

	@Test
	void parallelWritesOfOneUsersMembershipRestrictionAllowlistAndEnrolmentNeverFail() throws Exception {
		Map<String, Object> user = createUser(unique("contended"));
		String group = (String) admin().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", unique("Members "))).exchange().expectStatus().isCreated()
			.expectBody(JSON).returnResult().getResponseBody().get("id");
		assertNoServerError(inParallel(PARALLEL, i -> admin().post().uri("/api/v1/groups/{id}/members", group)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("userId", user.get("id")))
			.exchange().expectBody(JSON).returnResult()), 204);
		String workspace = createResource(admin(), "workspace", unique("Reseller "), null);
		assertNoServerError(inParallel(PARALLEL, i -> admin().put().uri("/api/v1/users/{id}/restriction", user.get("id"))
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("resourceId", workspace))
			.exchange().expectBody(JSON).returnResult()), 200, 409);
		SignedIn browser = signIn((String) user.get("username"), PASSWORD);
		assertNoServerError(inParallel(PARALLEL, i -> browser.client().post().uri("/api/v1/me/mfa/totp").exchange()
			.expectBody(JSON).returnResult()), 201, 409);
		assertNoServerError(inParallel(PARALLEL, i -> admin().put().uri("/api/v1/users/{id}/ip-allowlist", user.get("id"))
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("rules", List.of("10.0.0." + i)))
			.exchange().expectBody(JSON).returnResult()), 200);
	}

	private static void assertOneWinsOthersConflict(List<EntityExchangeResult<Map<String, Object>>> answers, int won,
			String code, String field) {
		assertThat(answers).filteredOn(answer -> answer.getStatus().value() == won).hasSize(1);
		assertThat(answers).filteredOn(answer -> answer.getStatus().value() != won).allSatisfy(answer -> {
			assertThat(answer.getStatus().value()).as(String.valueOf(answer.getResponseBody())).isEqualTo(409);
			assertThat(answer.getResponseBody()).containsEntry("code", code);
			assertThat(answer.getResponseBody().get("errors").toString()).contains("field=" + field);
		});
	}

	private static void assertNoServerError(List<EntityExchangeResult<Map<String, Object>>> answers,
			Integer... expected) {
		assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatus().value())
			.as(String.valueOf(answer.getResponseBody())).isIn((Object[]) expected));
		assertThat(answers).anySatisfy(answer -> assertThat(answer.getStatus().value()).isEqualTo(expected[0]));
	}

	private List<EntityExchangeResult<Map<String, Object>>> inParallel(
			IntFunction<EntityExchangeResult<Map<String, Object>>> request) throws Exception {
		return inParallel(PARALLEL, request);
	}

	/** Sends {@code count} requests at once, the i-th made by {@code request}. */
	private List<EntityExchangeResult<Map<String, Object>>> inParallel(int count,
			IntFunction<EntityExchangeResult<Map<String, Object>>> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<EntityExchangeResult<Map<String, Object>>>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return request.apply(index);
				}));
			}
			start.countDown();
			List<EntityExchangeResult<Map<String, Object>>> answers = new ArrayList<>();
			for (Future<EntityExchangeResult<Map<String, Object>>> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> userOf(Map<String, Object> created) {
		return (Map<String, Object>) created.get("user");
	}

	/** The distinct usernames, each of which must be the shared local part or it with a number. */
	private static Set<String> usernames(List<Map<String, Object>> users, String local) {
		Set<String> names = new HashSet<>();
		for (Map<String, Object> user : users) {
			String username = (String) user.get("username");
			assertThat(username).matches(local + "\\d*");
			names.add(username);
		}
		return names;
	}
}
