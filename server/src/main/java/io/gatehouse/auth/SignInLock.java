package io.gatehouse.auth;

import java.time.Instant;

/**
 * The brute-force state of an account or a client address, as an administrator sees it.
 *
 * @param failures failed attempts counted now
 * @param nextAttemptAt no attempt is accepted before this
 * @param lockedUntil set while locked
 */
public record SignInLock(int failures, Instant nextAttemptAt, Instant lockedUntil, boolean locked) {
}
