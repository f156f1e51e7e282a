package io.gatehouse.cache;

import java.util.EnumSet;
import java.util.Set;

import io.gatehouse.shared.TransactionBound;

/**
 * The areas the current transaction changed, bumped just before it commits: once each, in the order of
 * {@link ChangeArea}, so that two transactions never wait for each other's rows in opposite orders, and each holds
 * its rows only while it commits.
 */
final class PendingBumps extends TransactionBound {

	private static final Object KEY = PendingBumps.class;

	private final ChangeStore store;

	private final Set<ChangeArea> areas = EnumSet.noneOf(ChangeArea.class);

	private final Set<ChangeArea> done = EnumSet.noneOf(ChangeArea.class);

	private PendingBumps(ChangeStore store) {
		super(KEY);
		this.store = store;
	}

	/** The current transaction's pending bumps; null outside a transaction. */
	static PendingBumps current(ChangeStore store) {
		return current(KEY, () -> new PendingBumps(store));
	}

	void add(ChangeArea area) {
		areas.add(area);
	}

	/** The area was bumped at once: once is all the other nodes need. */
	void bumped(ChangeArea area) {
		done.add(area);
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		for (ChangeArea area : areas) {
			if (!done.contains(area)) {
				store.bump(area);
			}
		}
	}
}
