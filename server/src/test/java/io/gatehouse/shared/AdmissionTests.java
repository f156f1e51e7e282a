package io.gatehouse.shared;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The line requests wait in for a place to run, with threads standing in for requests. */
class AdmissionTests {

	private static final Duration LONG = Duration.ofHours(1);

	private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

	private final List<String> admitted = new CopyOnWriteArrayList<>();

	private final List<Thread> threads = new CopyOnWriteArrayList<>();

	@AfterEach
	void releaseEveryone() throws InterruptedException {
		gates.values().forEach(CountDownLatch::countDown);
		for (Thread thread : threads) {
			thread.join(10_000);
		}
	}

	@Test
	void atMostThePlacesRunAtOnceAndTheRestGoInOrderOfArrival() {
		Admission admission = new Admission(2, LONG);
		request(admission, "a");
		until(() -> admitted.size() == 1);
		request(admission, "b");
		until(() -> admitted.size() == 2);
		for (String name : List.of("c", "d", "e")) {
			int ahead = admission.waiting();
			request(admission, name);
			until(() -> admission.waiting() == ahead + 1);
		}
		assertThat(admission.taken()).isEqualTo(2);

		finish("b");
		until(() -> admitted.size() == 3);
		finish("a");
		until(() -> admitted.size() == 4);
		finish("c");
		until(() -> admitted.size() == 5);
		assertThat(admitted).containsExactly("a", "b", "c", "d", "e");
		assertThat(admission.taken()).isEqualTo(2);

		finish("d");
		finish("e");
		until(() -> admission.taken() == 0);
		assertThat(admission.unplaced()).isZero();
	}

	@Test
	void oneThatWaitedTheLongestItMayRunsWithoutAPlaceAndIsCounted() throws InterruptedException {
		Admission admission = new Admission(1, Duration.ofMillis(20));
		request(admission, "holder");
		until(() -> admission.taken() == 1);

		admission.enter();
		assertThat(admission.unplaced()).isEqualTo(1);
		admission.leave();
		assertThat(admission.taken()).as("the holder's place is not given back by another").isEqualTo(1);
	}

	@Test
	void workOutsideGivesThePlaceBackAndTakesAFreeOneAfter() {
		Admission admission = new Admission(1, LONG);
		CountDownLatch outside = new CountDownLatch(1);
		AtomicInteger takenAfter = new AtomicInteger(-1);
		start(() -> {
			admission.enter();
			Admission.outside(() -> {
				outside.countDown();
				gate("outbound").await();
			});
			takenAfter.set(admission.taken());
			gate("caller").await();
			admission.leave();
			return null;
		});
		await(outside);
		assertThat(admission.taken()).isZero();

		request(admission, "other");
		until(() -> admitted.contains("other"));
		finish("other");
		until(() -> admission.taken() == 0);
		finish("outbound");
		until(() -> takenAfter.get() >= 0);
		assertThat(takenAfter.get()).as("a free place is taken again").isEqualTo(1);
		finish("caller");
		until(() -> admission.taken() == 0);
	}

	@Test
	void afterWorkOutsideNoPlaceIsWaitedForAgain() {
		Admission admission = new Admission(1, LONG);
		CountDownLatch outside = new CountDownLatch(1);
		CountDownLatch back = new CountDownLatch(1);
		start(() -> {
			admission.enter();
			Admission.outside(() -> {
				outside.countDown();
				gate("outbound").await();
			});
			back.countDown();
			gate("caller").await();
			admission.leave();
			return null;
		});
		await(outside);
		request(admission, "other");
		until(() -> admitted.contains("other"));

		finish("outbound");
		await(back);
		assertThat(admission.taken()).as("only the other's place").isEqualTo(1);
		finish("caller");
		assertThat(admission.taken()).isEqualTo(1);
		finish("other");
		until(() -> admission.taken() == 0);
		assertThat(admission.unplaced()).isZero();
	}

	@Test
	void aPlaceGivenBackIsGivenBackOnce() throws InterruptedException {
		Admission admission = new Admission(1, LONG);
		admission.enter();
		assertThat(admission.taken()).isEqualTo(1);
		Admission.giveBack();
		assertThat(admission.taken()).isZero();
		admission.leave();
		assertThat(admission.taken()).isZero();
		Admission.giveBack();
		assertThat(admission.taken()).isZero();
	}

	@Test
	void withoutAPlaceWorkOutsideJustRunsAndFailsAsItFails() {
		assertThat(Admission.outside(() -> 42)).isEqualTo(42);
		assertThatThrownBy(() -> Admission.outside(() -> {
			throw new IOException("refused");
		})).isInstanceOf(IOException.class).hasMessage("refused");
	}

	@Test
	void noPlacesMeansNoLimit() throws InterruptedException {
		Admission admission = new Admission(0, LONG);
		for (int i = 0; i < 3; i++) {
			request(admission, "r" + i);
		}
		until(() -> admitted.size() == 3);
		admission.enter();
		assertThat(admission.places()).isZero();
		assertThat(admission.waiting()).isZero();
		assertThat(admission.taken()).isZero();
		admission.leave();
	}

	/** A request on its own thread: takes its place, says so, and runs until it is finished. */
	private void request(Admission admission, String name) {
		start(() -> {
			admission.enter();
			admitted.add(name);
			try {
				gate(name).await();
			}
			finally {
				admission.leave();
			}
			return null;
		});
	}

	private void finish(String name) {
		gate(name).countDown();
	}

	private CountDownLatch gate(String name) {
		return gates.computeIfAbsent(name, n -> new CountDownLatch(1));
	}

	private void start(Admission.Work<Void, Exception> work) {
		Thread thread = new Thread(() -> {
			try {
				work.run();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		thread.setDaemon(true);
		threads.add(thread);
		thread.start();
	}

	private static void await(CountDownLatch latch) {
		until(() -> latch.getCount() == 0);
	}

	private static void until(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not reached within 10 s");
			}
			Thread.onSpinWait();
			Thread.yield();
		}
	}
}
