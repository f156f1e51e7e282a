package io.gatehouse.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.TooManyAttempts;
import io.gatehouse.users.Reverification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sign-in throttle for re-verification inside a session: the same keys (the account and the client address), the
 * same counts, delays and locks as {@link SignIn}, so wrong answers here and wrong passwords at sign-in add up.
 */
@Component
class ReverificationThrottle implements Reverification {

	private final SignInThrottle throttle;

	private final TransactionTemplate transaction;

	ReverificationThrottle(SignInThrottle throttle, TransactionTemplate transaction) {
		this.throttle = throttle;
		this.transaction = transaction;
	}

	@Override
	public boolean check(Actor actor, BooleanSupplier proof) {
		// inside a caller's transaction the reservation would be rolled back with a refused answer, uncounted
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A re-verification must be checked outside any transaction");
		}
		List<SignInThrottle.Key> keys = List.of(throttle.account(actor.userId()), throttle.address(actor.clientIp()));
		Optional<Duration> wait = throttle.reserve(keys);
		if (wait.isPresent()) {
			throw new TooManyAttempts("Too many failed attempts; wait before trying again.", wait.get());
		}
		boolean proven;
		try {
			proven = proof.getAsBoolean();
		}
		catch (RuntimeException ex) {
			keys.forEach(throttle::release);
			throw ex;
		}
		if (proven) {
			// given back, not reset: a known password must not wipe the record of guessed codes, as at sign-in
			keys.forEach(throttle::release);
		}
		else {
			transaction.executeWithoutResult(status -> throttle.failed(keys, actor));
		}
		return proven;
	}
}
