package io.gatehouse.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The race the HTTP test can hardly provoke: many reservations on one key released at the same instant, straight
 * against the database. Without the compare-and-set, all of them would read the same count and go ahead.
 */
class SignInThrottleIntegrationTests extends ApiIntegrationTest {

	@Autowired
	private SignInThrottle throttle;

	@RepeatedTest(5)
	void simultaneousReservationsNeverExceedTheFreeAttempts() throws Exception {
		SignInThrottle.Key key = throttle.account(UUID.randomUUID());
		int threads = 24;
		CyclicBarrier barrier = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			long started = System.nanoTime();
			List<Future<Boolean>> reserved = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				reserved.add(pool.submit(() -> {
					barrier.await();
					return throttle.reserve(List.of(key)).isEmpty();
				}));
			}
			int granted = 0;
			for (Future<Boolean> one : reserved) {
				granted += one.get() ? 1 : 0;
			}
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			// the free attempts, and one more for each wait that ran out while the others queued on the row's lock
			// (seen on a loaded machine): after a wait, another attempt is due by design
			int freeAttempts = key.limits().freeAttempts();
			int waitsServed = 0;
			for (Duration waited = key.limits().delayAfter(freeAttempts); took.compareTo(waited) >= 0;
					waited = waited.plus(key.limits().delayAfter(freeAttempts + ++waitsServed))) {
			}
			assertThat(granted).isBetween(1, freeAttempts + waitsServed);
			assertThat(throttle.state(key).orElseThrow().failures()).isEqualTo(granted);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
