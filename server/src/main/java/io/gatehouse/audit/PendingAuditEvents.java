package io.gatehouse.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gatehouse.shared.TransactionBound;

/**
 * The audit rows of one transaction, held until just before it commits and then inserted in one batch. A part of the
 * transaction that rolls back to its savepoint (a failed line of a batch, say) takes its rows with it, as the
 * database would have. Once the rows are written, later events of the same transaction are written as they come.
 */
final class PendingAuditEvents extends TransactionBound {

	private static final Object KEY = PendingAuditEvents.class;

	private final AuditStore store;

	private final List<Object[]> rows = new ArrayList<>();

	// how many rows there were when each open savepoint was set
	private final Map<Object, Integer> savepoints = new HashMap<>();

	private boolean written;

	private PendingAuditEvents(AuditStore store) {
		super(KEY);
		this.store = store;
	}

	/** The current transaction's pending rows, made on first use; null outside a transaction. */
	static PendingAuditEvents current(AuditStore store) {
		return current(KEY, () -> new PendingAuditEvents(store));
	}

	/** Holds the row for the commit; false once the rows are written, when the caller writes it at once. */
	boolean add(Object[] row) {
		if (written) {
			return false;
		}
		rows.add(row);
		return true;
	}

	@Override
	public void savepoint(Object savepoint) {
		savepoints.put(savepoint, rows.size());
	}

	@Override
	public void savepointRollback(Object savepoint) {
		Integer size = savepoints.remove(savepoint);
		if (size != null && size < rows.size()) {
			rows.subList(size, rows.size()).clear();
		}
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		written = true;
		if (!rows.isEmpty()) {
			store.insert(rows);
		}
	}
}
