package io.gatehouse.audit;

import java.util.List;

/** One page of audit events, newest first, and the cursor of the next (older) page; {@code null} on the last. */
public record AuditPage(List<AuditEvent> items, String nextCursor) {
}
