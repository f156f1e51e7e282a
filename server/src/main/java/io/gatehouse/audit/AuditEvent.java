package io.gatehouse.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One line of the audit log, as read back.
 *
 * @param actorId who acted; {@code null} for the system or an anonymous caller (a failed sign-in)
 * @param actorUsername the actor's username when it happened: kept after the account is deleted
 * @param outcome {@code success}, {@code failure} or {@code pending} (a sign-in waiting for its second factor)
 * @param details the extra facts recorded with the event, never secrets; empty when there are none
 */
public record AuditEvent(UUID id, Instant occurredAt, UUID actorId, String actorUsername, String action,
		String targetType, String targetId, String clientIp, String outcome, Map<String, Object> details) {
}
