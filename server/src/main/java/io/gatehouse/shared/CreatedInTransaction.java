package io.gatehouse.shared;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The ids of the rows the current transaction created, for the checks that can then skip a round trip: a user made
 * a moment ago in this transaction exists, and no other node can hold anything cached about an id that has never
 * been committed. Outside a transaction nothing is remembered and nothing counts as new.
 */
public final class CreatedInTransaction extends TransactionBound {

	private static final Object KEY = CreatedInTransaction.class;

	private final Set<UUID> ids = new HashSet<>();

	private CreatedInTransaction() {
		super(KEY);
	}

	public static void remember(UUID id) {
		CreatedInTransaction created = current(KEY, CreatedInTransaction::new);
		if (created != null) {
			created.ids.add(id);
		}
	}

	public static boolean contains(UUID id) {
		CreatedInTransaction created = existing(KEY);
		return id != null && created != null && created.ids.contains(id);
	}
}
