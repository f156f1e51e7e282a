package io.gatehouse.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.gatehouse.jobs.OnceAcrossNodes;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.ClientNetwork;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brute-force protection shared by every node through the database. An attempt is reserved before the password (or
 * code) is checked: the reservation counts it as a failure and sets the wait before the next one, decided under the
 * row's lock and written by a compare-and-set on its version. So parallel guesses queue on the same row and at most
 * the allowed number gets through, whatever their timing; an attempt that turns out right gives its reservation back.
 *
 * Per key: the first failures are free, then each attempt waits a growing delay, and after {@code lockAfter}
 * failures the key is locked for {@code lockDuration}. A lock ends by itself (or by an administrator), so an
 * attacker can slow a victim down but never shut them out for good.
 */
@Component
class SignInThrottle {

	private static final int TRIES = 10;

	// the wait while another request's attempt on a key at its limit is being checked
	private static final Duration IN_FLIGHT = Duration.ofSeconds(1);

	/** A throttled thing: its row key, its limits, and what the audit log calls it. */
	record Key(String value, ThrottleSettings.Limits limits, String targetType, String targetId) {
	}

	private final ThrottleStore store;

	private final ThrottleSettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final OnceAcrossNodes once;

	SignInThrottle(ThrottleStore store, ThrottleSettings settings, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock, OnceAcrossNodes once) {
		this.store = store;
		this.once = once;
		this.settings = settings;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	Key account(java.util.UUID userId) {
		return new Key("account:" + userId, settings.account(), "user", userId.toString());
	}

	/** An unknown login is throttled exactly like an account, so the answers cannot tell them apart. */
	Key unknownLogin(String login) {
		String normalized = login == null ? "" : login.strip().toLowerCase(java.util.Locale.ROOT);
		if (normalized.length() > 254) {
			normalized = normalized.substring(0, 254);
		}
		return new Key("login:" + normalized, settings.account(), "login",
				normalized.length() > 64 ? normalized.substring(0, 64) : normalized);
	}

	/** An IPv6 client counts by its /64: rotating through one's own network buys no further tries. */
	Key address(String clientIp) {
		String value = String.valueOf(ClientNetwork.of(clientIp));
		return new Key("address:" + value, settings.address(), "address", value);
	}

	/** Reserves an attempt on every key, or on none: empty when the attempt may go ahead, else how long to wait. */
	Optional<Duration> reserve(List<Key> keys) {
		Instant now = clock.instant();
		List<Key> reserved = new ArrayList<>();
		for (Key key : keys) {
			Duration wait = reserve(key, now);
			if (wait != null) {
				reserved.forEach(done -> store.release(done.value()));
				return Optional.of(wait);
			}
			reserved.add(key);
		}
		return Optional.empty();
	}

	private Duration reserve(Key key, Instant now) {
		ThrottleSettings.Limits limits = key.limits();
		for (int i = 0; i < TRIES; i++) {
			try {
				if (store.find(key.value()).isEmpty()) {
					if (store.insert(key.value(), 1, now.plus(limits.delayAfter(1)), now)) {
						return null;
					}
					continue;
				}
				// decided under the row's lock: parallel attempts (many users behind one address) queue on it
				// instead of losing compare-and-sets, so none is turned away just for arriving together
				Decision decision = transaction.execute(status -> decide(key, now));
				if (decision != null && !decision.retry()) {
					return decision.delay();
				}
			}
			catch (ConcurrencyFailureException ex) {
				// at serializable isolation a parallel attempt on the row fails the transaction instead of
				// queueing it: the same as a lost compare-and-set, try again
			}
		}
		return IN_FLIGHT;
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** @param delay null when the attempt may go ahead */
	private record Decision(boolean retry, Duration delay) {
	}

	private Decision decide(Key key, Instant asked) {
		ThrottleSettings.Limits limits = key.limits();
		Optional<ThrottleStore.Throttle> found = store.findForUpdate(key.value());
		// the time once the lock is ours: the attempts we queued behind wrote their own moments meanwhile
		Instant now = later(asked, clock.instant());
		if (found.isEmpty()) {
			return new Decision(true, null); // reset meanwhile: insert it afresh
		}
		ThrottleStore.Throttle throttle = found.get();
		int failures = throttle.failures();
		Instant next = throttle.nextAttemptAt();
		if (throttle.lockedUntil() != null) {
			if (now.isBefore(throttle.lockedUntil())) {
				return new Decision(false, Duration.between(now, throttle.lockedUntil()));
			}
			failures = 0; // the lock was served: start over
			next = now;
		}
		else if (throttle.updatedAt().plus(limits.forgetAfter()).isBefore(now)) {
			failures = 0;
			next = now;
		}
		if (failures >= limits.lockAfter()) {
			return new Decision(false, IN_FLIGHT);
		}
		// a free attempt sets no wait, so the moment it wrote must not hold back another one that arrived with it
		if (!limits.delayAfter(failures).isZero() && now.isBefore(next)) {
			return new Decision(false, Duration.between(now, next));
		}
		int after = failures + 1;
		boolean set = store.compareAndSet(key.value(), throttle.version(), after, now.plus(limits.delayAfter(after)),
				null, now);
		return new Decision(!set, null);
	}

	/** The reserved attempts failed: they stay counted, and a key that reached its limit is locked (and audited). */
	void failed(List<Key> keys, Actor actor) {
		Instant now = clock.instant();
		for (Key key : keys) {
			for (int i = 0; i < TRIES; i++) {
				Optional<ThrottleStore.Throttle> found = store.find(key.value());
				if (found.isEmpty() || found.get().failures() < key.limits().lockAfter()
						|| found.get().lockedUntil() != null) {
					break;
				}
				ThrottleStore.Throttle throttle = found.get();
				Instant until = now.plus(key.limits().lockDuration());
				if (store.compareAndSet(key.value(), throttle.version(), throttle.failures(), until, until, now)) {
					events.publishEvent(new SignInLocked(actor, key.targetType(), key.targetId(), throttle.failures(), until));
					break;
				}
			}
		}
	}

	/** The attempt was not a failure after all (e.g. a right password before the second factor): give it back. */
	void release(Key key) {
		store.release(key.value());
	}

	/** A complete sign-in: the account's failures are forgotten. */
	void reset(Key key) {
		store.delete(key.value());
	}

	boolean unlock(Key key) {
		return store.delete(key.value());
	}

	Optional<ThrottleStore.Throttle> state(Key key) {
		return store.find(key.value());
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
	void deleteForgotten() {
		once.run("auth.forgotten-throttles", Duration.ofMinutes(10), this::forget);
	}

	private void forget() {
		Instant now = clock.instant();
		Duration forget = settings.account().forgetAfter().compareTo(settings.address().forgetAfter()) > 0
				? settings.account().forgetAfter() : settings.address().forgetAfter();
		store.deleteForgotten(now, now.minus(forget));
	}
}
