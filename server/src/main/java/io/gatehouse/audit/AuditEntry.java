package io.gatehouse.audit;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.AuditedEvent;

/** How one event reads in the audit log, apart from who did it and when. */
record AuditEntry(String action, String targetType, String targetId, String outcome, Map<String, Object> details) {

	AuditEntry(String action, String targetType, String targetId) {
		this(action, targetType, targetId, "success", Map.of());
	}

	static AuditEntry aboutUser(String action, UUID userId) {
		return new AuditEntry(action, "user", userId == null ? null : userId.toString());
	}

	/** An event the audit module has no entry for: it says itself how it reads. */
	static AuditEntry describedBy(AuditedEvent event) {
		if (event.action() == null) {
			throw new IllegalStateException("No audit entry for " + event.getClass().getName());
		}
		return new AuditEntry(event.action(), event.targetType(), event.targetId(), event.outcome(), event.details());
	}

	AuditEntry with(Map<String, Object> details) {
		return new AuditEntry(action, targetType, targetId, outcome, details);
	}

	AuditEntry outcome(String outcome) {
		return new AuditEntry(action, targetType, targetId, outcome, details);
	}
}
