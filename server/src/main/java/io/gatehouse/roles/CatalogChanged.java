package io.gatehouse.roles;

import java.util.Map;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/**
 * The platform registered, changed or removed an area of the permission catalog or a resource type. Access
 * relevant: an area's actions and whether it is administrative change what roles grant.
 */
public record CatalogChanged(Actor actor, String action, String targetType, String targetId,
		Map<String, Object> details) implements AuditedEvent, AccessRelevantChange {
}
