package io.gatehouse.web;

import java.io.IOException;

/** Thrown while reading a body that passed {@link HttpSettings#maxBodySize()} without saying its length first. */
public class BodyTooLarge extends IOException {

	private final long limit;

	BodyTooLarge(long limit) {
		super("The request body is larger than " + limit + " bytes.");
		this.limit = limit;
	}

	public long limit() {
		return limit;
	}

	// an expected refusal, not a bug: no stack trace to fill
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}
}
