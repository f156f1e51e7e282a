package io.gatehouse.api.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.audit.AuditEvent;

/** An audit event as the API shows it: who, what, to what, from where, how it ended, and its details. */
record AuditEventJson(UUID id, Instant occurredAt, ActorJson actor, String action, TargetJson target,
		String clientIp, String outcome, Map<String, Object> details) {

	record ActorJson(UUID id, String username) {
	}

	record TargetJson(String type, String id) {
	}

	static AuditEventJson of(AuditEvent event) {
		return new AuditEventJson(event.id(), event.occurredAt(),
				new ActorJson(event.actorId(), event.actorUsername()), event.action(),
				new TargetJson(event.targetType(), event.targetId()), event.clientIp(), event.outcome(),
				event.details());
	}
}
