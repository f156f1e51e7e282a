package io.gatehouse.shared;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many requests do their work at once: a few places, taken in order of arrival. On two cores, sixteen requests
 * running together each wait out the others' scheduler slices, and the slowest of them wait longest (measured on
 * token reads: p99 41 ms with 16 in flight, 9 ms with 2, and 2.6 times the reads per second); queued in order,
 * each waits only for those ahead of it.
 * <p>
 * A place is for work on this node's cores and its database. A request gives it back while it waits on something
 * else: an outbound call, the pause before a transaction that lost a race runs again, and a password hash, which has
 * its own line as wide as the cores ({@link #outside}); then it takes a free place if there is one and otherwise
 * goes on without one, so that it never waits in line twice nor on requests that wait on the transaction it holds.
 * A download, paced by the client's reading, gives its place back for good ({@link #giveBack}). One that waited
 * {@code queueWait} for a place goes on without one as well: a limit that slows everything when overloaded is
 * better than one that refuses, and a place held longer than expected cannot stop the node.
 * <p>
 * Hand-written around the JDK's fair {@link Semaphore}: a bulkhead library refuses once its wait is over, and none
 * lets a thread give its place back during a call deep in the domain, which is what the per-thread state is for.
 */
public final class Admission {

	private static final ThreadLocal<Admission> HELD = new ThreadLocal<>();

	private final Semaphore places;

	private final int size;

	private final long queueWaitNanos;

	private final AtomicLong unplaced = new AtomicLong();

	/** @param places how many run at once, or 0 for no limit */
	public Admission(int places, Duration queueWait) {
		if (places < 0) {
			throw new IllegalArgumentException("places must not be negative");
		}
		this.size = places;
		this.places = places == 0 ? null : new Semaphore(places, true);
		this.queueWaitNanos = queueWait.toNanos();
	}

	/**
	 * Waits in line for a place, at most {@code queueWait}; the caller then runs, with a place or without one, and
	 * calls {@link #leave} when it is done.
	 */
	public void enter() throws InterruptedException {
		if (places == null || HELD.get() != null) {
			return;
		}
		if (places.tryAcquire(queueWaitNanos, TimeUnit.NANOSECONDS)) {
			HELD.set(this);
		}
		else {
			unplaced.incrementAndGet();
		}
	}

	/** Gives back the calling thread's place, if it holds one of these. */
	public void leave() {
		if (HELD.get() == this) {
			HELD.remove();
			places.release();
		}
	}

	/** The calling thread's place, given back for the rest of its request. */
	public static void giveBack() {
		Admission held = HELD.get();
		if (held != null) {
			held.leave();
		}
	}

	/**
	 * Runs work that waits on something besides this node's cores without holding a place, then takes a free place
	 * again if there is one. On a thread that holds none (a background job, a request without one) it just runs.
	 */
	public static <T, E extends Exception> T outside(Work<T, E> work) throws E {
		Admission held = HELD.get();
		if (held == null) {
			return work.run();
		}
		held.leave();
		try {
			return work.run();
		}
		finally {
			// barging: it already waited its turn, and may hold locks those in line wait for
			if (held.places.tryAcquire()) {
				HELD.set(held);
			}
		}
	}

	/** {@link #outside(Work)} for work without a result. */
	public static <E extends Exception> void outside(VoidWork<E> work) throws E {
		outside(() -> {
			work.run();
			return null;
		});
	}

	/** Work that may fail with a checked exception of its own. */
	@FunctionalInterface
	public interface Work<T, E extends Exception> {

		T run() throws E;
	}

	/** Work without a result that may fail with a checked exception of its own. */
	@FunctionalInterface
	public interface VoidWork<E extends Exception> {

		void run() throws E;
	}

	/** How many places there are; 0 when there is no limit. */
	public int places() {
		return size;
	}

	/** Requests waiting for a place now. */
	public int waiting() {
		return places == null ? 0 : places.getQueueLength();
	}

	/** Places taken now. */
	public int taken() {
		return places == null ? 0 : size - places.availablePermits();
	}

	/** Requests that ran without a place after waiting the longest they may, since the start. */
	public long unplaced() {
		return unplaced.get();
	}
}
