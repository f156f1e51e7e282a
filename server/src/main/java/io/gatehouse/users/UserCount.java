package io.gatehouse.users;

/**
 * How many users a search finds: exact up to {@link #BOUND}; past it, {@code more} says there are more than that.
 */
public record UserCount(long counted, boolean more) {

	public static final int BOUND = 10_000;
}
