package io.gatehouse.audit;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.gatehouse.shared.AuditedEvent;
import io.gatehouse.shared.Timestamps;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every {@link AuditedEvent} as it is published. A synchronous listener runs inside the publisher's
 * transaction, so a change without its audit record cannot commit, and a rolled-back change leaves no record.
 */
@Component
class AuditLog {

	private static final int DETAILS_MAX = 4000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	void on(AuditedEvent event) {
		Map<String, Object> details = event.details();
		String detailsJson = details.isEmpty() ? null : json.writeValueAsString(details);
		if (detailsJson != null && detailsJson.length() > DETAILS_MAX) {
			detailsJson = json.writeValueAsString(details.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, e -> "(too long)")));
		}
		String username = event.actor().username();
		jdbc.sql("""
				INSERT INTO audit_event (id, occurred_at, actor_id, actor_username, action, target_type, target_id,
				    client_ip, outcome, details)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), Timestamps.of(clock.instant()), event.actor().userId(), username,
					event.action(), event.targetType(), event.targetId(), event.actor().clientIp(), event.outcome(),
					detailsJson)
			.update();
	}
}
