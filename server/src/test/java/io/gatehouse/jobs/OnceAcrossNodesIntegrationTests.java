package io.gatehouse.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.gatehouse.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Of nodes racing for a job's run, one takes it, and nobody takes it again within its interval. */
class OnceAcrossNodesIntegrationTests extends ApiIntegrationTest {

	@Test
	void aJobRunsOnceAcrossNodesRacingForIt() throws Exception {
		JobLeaseStore nodeA = new JobLeaseStore(jdbc);
		JobLeaseStore nodeB = new JobLeaseStore(jdbc);
		String job = "test." + UUID.randomUUID();
		for (int round = 0; round < 5; round++) {
			Instant now = Instant.now().plus(Duration.ofHours(2L * round));
			CyclicBarrier barrier = new CyclicBarrier(2);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<Boolean>> taken = new ArrayList<>();
				for (JobLeaseStore node : List.of(nodeA, nodeB)) {
					taken.add(pool.submit(() -> {
						barrier.await();
						return node.take(job, node == nodeA ? "a" : "b", now, now.plus(Duration.ofHours(1)));
					}));
				}
				int runs = 0;
				for (Future<Boolean> one : taken) {
					runs += one.get() ? 1 : 0;
				}
				assertThat(runs).as("round %d", round).isEqualTo(1);
			}
			finally {
				pool.shutdownNow();
			}
			// within the interval nobody takes it again
			assertThat(nodeA.take(job, "a", now.plus(Duration.ofMinutes(59)), now.plus(Duration.ofHours(2)))).isFalse();
			assertThat(nodeB.take(job, "b", now.plus(Duration.ofMinutes(59)), now.plus(Duration.ofHours(2)))).isFalse();
		}
	}

}
