package io.gatehouse.auth;

import java.time.Duration;

/**
 * How long sessions live at this moment. Implemented by the instance settings, which an administrator changes at
 * runtime; a change applies to sessions already open.
 */
public interface SessionTimeoutSettings {

	/** A session unused for this long ends. */
	Duration idleTimeout();

	/** A session ends this long after sign-in, used or not. */
	Duration absoluteTimeout();
}
