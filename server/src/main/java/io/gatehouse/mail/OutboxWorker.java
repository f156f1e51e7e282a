package io.gatehouse.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import io.gatehouse.database.DatabaseOutage;
import io.gatehouse.database.DatabaseProbe;
import io.gatehouse.shared.NodeName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Delivers what the outbox holds, on one thread per node: at once when a transaction that wrote a mail commits, and
 * on every poll for what is due (a retry whose wait is over, a mail a crash left behind, a claim whose node died).
 * The first poll runs at start-up, so a mail committed just before a crash goes out on restart.
 *
 * A committed mail is handed over in memory, so sending it right away costs no search of the table and no read of
 * the row: only its claim, batched with the other mails of the round, and its marking.
 *
 * Delivery is at least once. Each mail is marked sent right after its own delivery, the marking retried for a few
 * seconds while the database is away, so a lost marking sends one mail again at most, after its lease. A node that
 * stops gracefully gives back the claims it has not delivered yet. One killed outright gives them back when it starts
 * again under the same name; until then (or if it never comes back) they wait for their lease, which is short
 * (seconds) because a live node renews the leases of what it holds on a thread of its own (the heartbeat): a slow
 * delivery keeps its claim however long it takes, a dead node's claims run out soon.
 */
@Component
class OutboxWorker {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private static final int BATCH = 20;

	// beyond this many mails waiting (a slow SMTP server, a burst) the rows wait for the poll instead of memory
	private static final int MAX_HANDED_OVER = 10_000;

	private static final Duration MAX_BACKOFF = Duration.ofHours(1);

	// the waits before the retries of a marking that failed: enough for a database restart or a pool to reconnect
	private static final List<Duration> MARK_RETRIES = List.of(Duration.ofMillis(200), Duration.ofSeconds(1),
			Duration.ofSeconds(3));

	private final OutboxStore store;

	private final MailDelivery delivery;

	private final MailSettings settings;

	private final Clock clock;

	// null while stopped: before start-up, after shutdown
	private volatile ScheduledExecutorService executor;

	// renews the leases of what this node holds; its own thread, so a delivery that hangs does not stop it
	private volatile ScheduledExecutorService heartbeat;

	// the mail being delivered now, no longer in held: its lease is renewed too
	private volatile OutboxStore.Claimed inFlight;

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	private final Queue<OutboxStore.Committed> handedOver = new ConcurrentLinkedQueue<>();

	private final AtomicInteger handedOverCount = new AtomicInteger();

	// claimed by this node and not yet being sent: whoever removes one (the round, or the stop) owns it
	private final Set<OutboxStore.Claimed> held = ConcurrentHashMap.newKeySet();

	// delivered, but the marking failed (the database away, the pool exhausted): the heartbeat keeps their leases and
	// marks them when it can, and a claim of one of them again (its lease ran out meanwhile) marks it without sending
	private final Map<UUID, OutboxStore.Claimed> unmarked = new ConcurrentHashMap<>();

	private volatile boolean stopping;

	private final DatabaseProbe probe;

	// the outage has been logged: once per outage, not at every poll
	private boolean waitingForDatabase;

	// this node's mark on its claims
	private final String node;

	// the claims this node held before it started (it died holding them) have been given back
	private volatile boolean leftOverReleased;

	OutboxWorker(OutboxStore store, MailDelivery delivery, MailSettings settings, Clock clock, DatabaseProbe probe,
			NodeName node) {
		this.store = store;
		this.probe = probe;
		this.delivery = delivery;
		this.settings = settings;
		this.clock = clock;
		this.node = node.value();
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void start() {
		if (executor != null) {
			return;
		}
		if (!delivery.sends()) {
			log.info("No SMTP server configured (gatehouse.mail.host): mails are kept in the outbox and printed to the log");
		}
		stopping = false;
		leftOverReleased = false;
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "mail-outbox");
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::drain, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
		executor = started;
		ScheduledExecutorService beating = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "mail-outbox-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long beat = Math.max(1, settings.lease().toMillis() / 3);
		beating.scheduleWithFixedDelay(this::renewHeld, beat, beat, TimeUnit.MILLISECONDS);
		heartbeat = beating;
	}

	/**
	 * Takes a mail whose transaction has just committed, for a delivery round soon; many before it starts make one
	 * round. While stopped, or with too many waiting, the row is left for the poll: it is in the table either way.
	 */
	void handOver(UUID id, RenderedMail mail) {
		ScheduledExecutorService current = executor;
		if (current == null || handedOverCount.get() >= MAX_HANDED_OVER) {
			return;
		}
		handedOverCount.incrementAndGet();
		handedOver.add(new OutboxStore.Committed(id, mail));
		if (wakeQueued.compareAndSet(false, true)) {
			try {
				current.execute(() -> {
					wakeQueued.set(false);
					deliverHandedOver();
				});
			}
			catch (RejectedExecutionException ex) {
				// shutting down: the next start-up's first poll finds the mail
				wakeQueued.set(false);
			}
		}
	}

	/**
	 * Stops claiming, lets the mail being sent finish, and gives back the claims not sent yet, so that another node
	 * (or this one restarted) sends them at once rather than after the lease.
	 */
	@PreDestroy
	synchronized void stop() throws InterruptedException {
		if (executor != null) {
			stopping = true;
			executor.shutdown();
			if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
				executor.shutdownNow();
				executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			executor = null;
			// what was waiting stays in the table for the next start's poll
			handedOver.clear();
			handedOverCount.set(0);
			releaseHeld();
			heartbeat.shutdownNow();
			markUnmarked();
			if (!unmarked.isEmpty()) {
				log.warn("{} delivered mails could not be marked so before the stop; they are sent again after their "
						+ "lease", unmarked.size());
				unmarked.clear();
			}
			heartbeat = null;
		}
	}

	/**
	 * The heartbeat: moves on the lease of every claim this node holds. Never throws; a beat that fails (the database
	 * away) is made up by the next, two more before the lease runs out.
	 */
	void renewHeld() {
		markUnmarked();
		List<OutboxStore.Claimed> holding = new ArrayList<>(held);
		holding.addAll(unmarked.values());
		OutboxStore.Claimed current = inFlight;
		if (current != null) {
			holding.add(current);
		}
		if (holding.isEmpty()) {
			return;
		}
		try {
			store.renew(holding, clock.instant().plus(settings.lease()));
		}
		catch (RuntimeException ex) {
			log.warn("The leases of {} claimed mails could not be renewed; trying again: {}", holding.size(),
					ex.toString());
		}
	}

	private void markUnmarked() {
		for (OutboxStore.Claimed claimed : List.copyOf(unmarked.values())) {
			try {
				store.finish(claimed, delivery.sends() ? OutboxStore.Status.SENT : OutboxStore.Status.LOGGED,
						clock.instant());
				unmarked.remove(claimed.id(), claimed);
				log.info("Mail {} is marked delivered now", claimed.id());
			}
			catch (RuntimeException ex) {
				// the next beat tries again
				return;
			}
		}
	}

	private void releaseHeld() {
		List<OutboxStore.Claimed> release = new ArrayList<>();
		for (OutboxStore.Claimed claimed : List.copyOf(held)) {
			if (held.remove(claimed)) {
				release.add(claimed);
			}
		}
		try {
			store.release(release);
		}
		catch (RuntimeException ex) {
			if (DatabaseOutage.isCause(ex)) {
				log.warn("{} claimed mails could not be given back; they are sent when their lease runs out: {}",
						release.size(), ex.toString());
			}
			else {
				log.warn("{} claimed mails could not be given back; they are sent when their lease runs out",
						release.size(), ex);
			}
		}
	}

	/** The mails handed over since the last round, batch after batch. Never throws: the poll retries what is left. */
	void deliverHandedOver() {
		List<OutboxStore.Committed> batch = new ArrayList<>(BATCH);
		while (true) {
			batch.clear();
			OutboxStore.Committed next;
			while (batch.size() < BATCH && (next = handedOver.poll()) != null) {
				handedOverCount.decrementAndGet();
				batch.add(next);
			}
			if (batch.isEmpty() || stopping) {
				return;
			}
			if (!leftOverReleased) {
				// the giving back of the last start's claims comes first (it would take these too): the poll sends them
				continue;
			}
			try {
				deliver(store.claimFresh(batch, clock.instant().plus(settings.lease()), node));
			}
			catch (RuntimeException ex) {
				log.warn("Mails could not be claimed from the outbox; the next poll sends them", ex);
			}
		}
	}

	/** One delivery round: everything due now, batch after batch. Never throws, so the polling goes on. */
	void drain() {
		if (!probe.reachable()) {
			if (!waitingForDatabase) {
				waitingForDatabase = true;
				log.warn("The database cannot be reached: the outbox waits for it");
			}
			return;
		}
		waitingForDatabase = false;
		try {
			releaseLeftOver();
			for (int round = 0; round < 50 && !stopping; round++) {
				List<UUID> due = store.due(clock.instant(), BATCH);
				if (due.isEmpty()) {
					return;
				}
				Instant now = clock.instant();
				deliver(store.claim(due, now, now.plus(settings.lease()), node));
			}
		}
		catch (RuntimeException ex) {
			if (DatabaseOutage.isCause(ex)) {
				log.warn("The mail outbox could not be read; trying again at the next poll: {}", ex.toString());
			}
			else {
				log.warn("The mail outbox could not be read; trying again at the next poll", ex);
			}
		}
	}

	/**
	 * At the first poll that reaches the database: gives back what this node claimed before it started, when it died
	 * holding claims. Before any claim of this start, so none of those is given back.
	 */
	private void releaseLeftOver() {
		if (leftOverReleased) {
			return;
		}
		int released = store.releaseAllOf(node);
		leftOverReleased = true;
		if (released > 0) {
			log.info("This node ({}) had claimed mails before it stopped, given back now to be sent: {}", node,
					released);
		}
	}

	/**
	 * Sends each mail of a claimed batch and marks it right after. A marking that fails for good stops the round: the
	 * rest is given back unsent (or, with the database away, waits for its lease), so only that one mail may go out
	 * twice. A node that dies between a delivery and its marking leaves that mail to its lease as well.
	 */
	private void deliver(List<OutboxStore.Claimed> claimedMails) {
		held.addAll(claimedMails);
		try {
			for (OutboxStore.Claimed claimed : claimedMails) {
				// in flight before it leaves held, so that no heartbeat misses it
				inFlight = claimed;
				if (stopping || !held.remove(claimed)) {
					// the stop gives back the rest
					return;
				}
				OutboxStore.Claimed delivered = unmarked.remove(claimed.id());
				if (delivered == null) {
					try {
						delivery.deliver(claimed.mail());
					}
					catch (Exception ex) {
						failed(claimed, ex);
						continue;
					}
				}
				// else: this node sent it before and could not mark it; its claim ran out and came back here
				if (!markDelivered(claimed)) {
					unmarked.put(claimed.id(), claimed);
					releaseHeld();
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			// the database went away while recording a failed attempt: give back what is left, if it can be
			releaseHeld();
			throw ex;
		}
		finally {
			inFlight = null;
		}
	}

	/** Marks one delivered mail, retrying a few times while the database is away. */
	boolean markDelivered(OutboxStore.Claimed claimed) {
		OutboxStore.Status status = delivery.sends() ? OutboxStore.Status.SENT : OutboxStore.Status.LOGGED;
		for (int attempt = 0;; attempt++) {
			try {
				store.finish(claimed, status, clock.instant());
				return true;
			}
			catch (RuntimeException ex) {
				if (attempt >= MARK_RETRIES.size() || !pause(MARK_RETRIES.get(attempt))) {
					String message = "Mail {} ({}) to {} was delivered but could not be marked so yet; this node keeps "
							+ "its claim and marks it when it can (if it stops first, the mail is sent again)";
					if (DatabaseOutage.isCause(ex)) {
						log.warn(message + ": {}", claimed.id(), claimed.mail().template(), claimed.mail().to(),
								ex.toString());
					}
					else {
						log.error(message, claimed.id(), claimed.mail().template(), claimed.mail().to(), ex);
					}
					return false;
				}
				if (DatabaseOutage.isCause(ex)) {
					log.warn("Mail {} was delivered but could not be marked so yet; trying again: {}", claimed.id(),
							ex.toString());
				}
				else {
					log.warn("Mail {} was delivered but could not be marked so yet; trying again", claimed.id(), ex);
				}
			}
		}
	}

	private static boolean pause(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void failed(OutboxStore.Claimed claimed, Exception ex) {
		int attempts = claimed.attempts() + 1;
		String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		if (attempts >= settings.maxAttempts()) {
			log.error("Gave up mail {} ({}) to {} after {} attempts: {}", claimed.id(), claimed.mail().template(),
					claimed.mail().to(), attempts, error);
			store.giveUp(claimed, error);
			return;
		}
		Duration wait = backoff(attempts);
		log.warn("Mail {} ({}) not delivered, attempt {} of {}; next try in {}: {}", claimed.id(),
				claimed.mail().template(), attempts, settings.maxAttempts(), wait, error);
		store.retryLater(claimed, clock.instant().plus(wait), error);
	}

	/** The first retry waits {@code retryBackoff}, each later one twice as long as the one before, up to an hour. */
	Duration backoff(int failedAttempts) {
		Duration wait = settings.retryBackoff();
		for (int i = 1; i < failedAttempts && wait.compareTo(MAX_BACKOFF) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
	}
}
