package io.gatehouse.shared;

import java.util.function.Consumer;

/**
 * One field of a partial update: either left alone, or set to a value (which may be {@code null} to clear it).
 * A plain nullable field cannot tell "not sent" from "cleared", and a PATCH must.
 */
public record Change<T>(boolean present, T value) {

	private static final Change<?> NONE = new Change<>(false, null);

	@SuppressWarnings("unchecked")
	public static <T> Change<T> none() {
		return (Change<T>) NONE;
	}

	public static <T> Change<T> to(T value) {
		return new Change<>(true, value);
	}

	public T orElse(T current) {
		return present ? value : current;
	}

	public void ifPresent(Consumer<T> action) {
		if (present) {
			action.accept(value);
		}
	}
}
