package io.gatehouse.users;

import java.util.function.BooleanSupplier;

import io.gatehouse.shared.Actor;

/**
 * A signed-in user proving again that it is them (the current password before a change, an authenticator code
 * before removing it), held to the sign-in throttle: whoever has a stolen session must guess no faster than a
 * stranger at the sign-in page. Implemented by the module that signs people in, which owns the throttle.
 */
public interface Reverification {

	/**
	 * Answers {@code proof} under the throttle of the actor's account and client address, from outside any
	 * transaction so that a failure stays counted whatever the caller rolls back. While the account or address must
	 * wait or is locked, the proof is not even looked at and a {@link io.gatehouse.shared.TooManyAttempts} is thrown;
	 * a false proof counts as a failed sign-in (and may lock); a true one gives its attempt back.
	 */
	boolean check(Actor actor, BooleanSupplier proof);
}
