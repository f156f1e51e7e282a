package io.gatehouse.api.security;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute-force protection as a client meets it, with the default limits: per account 3 free failures, then waits of
 * 1, 2, 4 ... s up to a minute, a 15-minute lock after 10; per address 20 free failures. Waiting is simulated by
 * moving the stored next-attempt time into the past, as time passing would.
 */
class BruteForceIntegrationTests extends ApiIntegrationTest {

	@Test
	void parallelWrongGuessesGetNoMoreAttemptsThanTheLimit() throws Exception {
		String name = unique("race");
		createUser(name);
		int parallel = 16;
		ExecutorService pool = Executors.newFixedThreadPool(parallel);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < parallel; i++) {
				// each from its own address: the account's own limit is what holds them back
				String address = uniqueAddress();
				Callable<Integer> guess = () -> {
					start.await();
					return attempt(name, "Wrong-Guess-" + address.hashCode(), address).getStatus().value();
				};
				answers.add(pool.submit(guess));
			}
			start.countDown();
			int checked = 0;
			int throttled = 0;
			for (Future<Integer> answer : answers) {
				int status = answer.get();
				checked += status == 401 ? 1 : 0;
				throttled += status == 429 ? 1 : 0;
			}
			assertThat(checked).as("guesses whose password was checked").isBetween(1, 3);
			assertThat(checked + throttled).isEqualTo(parallel);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM auth_sign_in WHERE login = ? AND outcome = 'wrong-password'")
				.param(name).query(Long.class).single()).isEqualTo(checked);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void delaysGrowThenATemporaryLockIsAuditedAndAnAdministratorUnlocks() {
		String name = unique("lock");
		Map<String, Object> user = createUser(name);
		String key = "account:" + user.get("id");
		List<Long> waits = new ArrayList<>();
		for (int failure = 1; failure <= 10; failure++) {
			attemptExpecting(name, "Wrong-Password-1", uniqueAddress(), 401);
			EntityExchangeResult<String> throttled = attempt(name, PASSWORD, uniqueAddress());
			if (failure < 3) {
				// within the free attempts the right password would have worked: spend no success here
				assertThat(throttled.getStatus().value()).isEqualTo(200);
				clearSuccess(key, failure);
				continue;
			}
			assertThat(throttled.getStatus().value()).as("after failure %d", failure).isEqualTo(429);
			waits.add(Long.parseLong(throttled.getResponseHeaders().getFirst("Retry-After")));
			if (failure < 10) {
				passTime(key);
			}
		}
		assertThat(waits.subList(0, 7)).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L);
		assertThat(waits.get(7)).isBetween(899L, 900L);

		// locked: even the right password is refused, from anywhere
		attemptExpecting(name, PASSWORD, uniqueAddress(), 429);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.locked' AND target_type = 'user' AND target_id = ?")
			.param(user.get("id").toString()).query(Long.class).single()).isEqualTo(1);
		admin().get().uri("/api/v1/users/{id}/sign-in-lock", user.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.locked").isEqualTo(true).jsonPath("$.failures").isEqualTo(10);

		admin().delete().uri("/api/v1/users/{id}/sign-in-lock", user.get("id")).exchange().expectStatus().isNoContent();
		attemptExpecting(name, PASSWORD, uniqueAddress(), 200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.unlocked' AND target_id = ?")
			.param(user.get("id").toString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aLockEndsByItselfWhenItsTimeIsOver() {
		String name = unique("ends");
		Map<String, Object> user = createUser(name);
		String key = "account:" + user.get("id");
		for (int failure = 1; failure <= 10; failure++) {
			attemptExpecting(name, "Wrong-Password-1", uniqueAddress(), 401);
			passTime(key);
		}
		attemptExpecting(name, PASSWORD, uniqueAddress(), 429);
		jdbc.sql("UPDATE auth_throttle SET locked_until = ?, next_attempt_at = ? WHERE throttle_key = ?")
			.params(OffsetDateTime.now().minusSeconds(1), OffsetDateTime.now().minusSeconds(1), key).update();
		attemptExpecting(name, PASSWORD, uniqueAddress(), 200);
	}

	@Test
	void unknownAccountsAreThrottledExactlyLikeRealOnes() {
		String real = unique("real");
		createUser(real);
		String ghost = unique("ghost");
		List<String> realAnswers = new ArrayList<>();
		List<String> ghostAnswers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			realAnswers.add(answer(attempt(real, "Wrong-Password-1", uniqueAddress())));
			ghostAnswers.add(answer(attempt(ghost, "Wrong-Password-1", uniqueAddress())));
		}
		assertThat(realAnswers).containsExactlyElementsOf(ghostAnswers);
		assertThat(realAnswers.get(0)).startsWith("401");
		assertThat(realAnswers.get(4)).startsWith("429");
	}

	@Test
	void oneAddressGuessingManyAccountsIsThrottledToo() {
		String address = uniqueAddress();
		for (int i = 0; i < 20; i++) {
			attemptExpecting(unique("spray"), "Spring2026!", address, 401);
		}
		String name = unique("victim");
		createUser(name);
		attemptExpecting(name, PASSWORD, address, 429);
		attemptExpecting(name, PASSWORD, uniqueAddress(), 200);
		admin().get().uri("/api/v1/sign-in-locks/addresses/{address}", address).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.failures").isEqualTo(20);
		admin().delete().uri("/api/v1/sign-in-locks/addresses/{address}", address).exchange().expectStatus().isNoContent();
		attemptExpecting(name, PASSWORD, address, 200);
	}

	@Test
	void aRightPasswordForgetsTheAccountsFailures() {
		String name = unique("forgive");
		createUser(name);
		for (int round = 0; round < 3; round++) {
			attemptExpecting(name, "Wrong-Password-1", uniqueAddress(), 401);
			attemptExpecting(name, "Wrong-Password-1", uniqueAddress(), 401);
			attemptExpecting(name, PASSWORD, uniqueAddress(), 200);
		}
	}

	@Test
	void onlyAnAdministratorUnlocks() {
		Map<String, Object> user = createUser(unique("nolock"));
		String token = signIn((String) user.get("username"), PASSWORD).createToken("t");
		withToken(token).delete().uri("/api/v1/users/{id}/sign-in-lock", user.get("id")).exchange()
			.expectStatus().isForbidden();
	}

	private EntityExchangeResult<String> attempt(String login, String password, String address) {
		return anonymousFrom(address).post().uri("/api/v1/session")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", login, "password", password))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private void attemptExpecting(String login, String password, String address, int status) {
		assertThat(attempt(login, password, address).getStatus().value()).as("%s from %s", login, address)
			.isEqualTo(status);
	}

	/** Status, Retry-After and body: all a client can see. */
	private static String answer(EntityExchangeResult<String> result) {
		return result.getStatus().value() + " " + result.getResponseHeaders().getFirst("Retry-After") + " "
				+ result.getResponseBody();
	}

	private void passTime(String key) {
		jdbc.sql("UPDATE auth_throttle SET next_attempt_at = ? WHERE throttle_key = ?")
			.params(OffsetDateTime.now().minusSeconds(1), key).update();
	}

	/** A success resets the account; put back the failures counted so far, as if it had not happened. */
	private void clearSuccess(String key, int failures) {
		jdbc.sql("""
				INSERT INTO auth_throttle (throttle_key, failures, next_attempt_at, locked_until, updated_at, version)
				VALUES (?, ?, ?, NULL, ?, 1)""")
			.params(key, failures, OffsetDateTime.now().minusSeconds(1), OffsetDateTime.now())
			.update();
	}
}
