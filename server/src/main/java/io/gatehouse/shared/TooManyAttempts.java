package io.gatehouse.shared;

import java.time.Duration;

/** A credential was tried too often: the caller may try again after {@code retryAfter} (the Retry-After header). */
public class TooManyAttempts extends DomainException {

	private final Duration retryAfter;

	public TooManyAttempts(String message, Duration retryAfter) {
		super(Kind.TOO_MANY_REQUESTS, "too-many-attempts", message);
		this.retryAfter = retryAfter;
	}

	/** At least one second, rounded up: what a client should wait. */
	public long retryAfterSeconds() {
		long millis = Math.max(retryAfter.toMillis(), 1);
		return (millis + 999) / 1000;
	}
}
