package io.gatehouse.shared;

import java.util.Map;

/**
 * A domain event that belongs in the audit log. Modules publish these in the transaction of the change; the
 * audit module writes them in that same transaction, so a change and its audit record commit or roll back together.
 * The audit module says how each event reads in the log; an event it has no entry for describes itself through the
 * methods below.
 */
public interface AuditedEvent {

	Actor actor();

	/** A stable dotted name, e.g. {@code user.created}. */
	default String action() {
		return null;
	}

	default String targetType() {
		return null;
	}

	default String targetId() {
		return null;
	}

	default String outcome() {
		return "success";
	}

	/** Extra facts worth keeping; never secrets. */
	default Map<String, Object> details() {
		return Map.of();
	}
}
