package io.gatehouse.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.gatehouse.shared.AuditedEvent;
import io.gatehouse.shared.Timestamps;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every {@link AuditedEvent} in the transaction of the change that published it, so a change without its
 * audit record cannot commit, and a rolled-back change leaves no record. The events of one transaction are written
 * together just before it commits ({@link PendingAuditEvents}): one round trip for a change that makes several.
 */
@Component
class AuditLog {

	private static final int DETAILS_MAX = 4000;

	private final AuditStore store;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(AuditStore store, JsonMapper json, Clock clock) {
		this.store = store;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	void on(AuditedEvent event) {
		Object[] row = row(event);
		PendingAuditEvents pending = PendingAuditEvents.current(store);
		if (pending == null || !pending.add(row)) {
			store.insert(List.<Object[]>of(row));
		}
	}

	private Object[] row(AuditedEvent event) {
		AuditEntry entry = AuditEntries.of(event);
		Map<String, Object> details = entry.details();
		String detailsJson = details.isEmpty() ? null : json.writeValueAsString(details);
		if (detailsJson != null && detailsJson.length() > DETAILS_MAX) {
			detailsJson = json.writeValueAsString(details.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, e -> "(too long)")));
		}
		return new Object[] { UUID.randomUUID(), Timestamps.of(clock.instant()), event.actor().userId(),
				event.actor().username(), entry.action(), entry.targetType(), entry.targetId(),
				event.actor().clientIp(), entry.outcome(), detailsJson };
	}
}
