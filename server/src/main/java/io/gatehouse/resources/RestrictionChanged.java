package io.gatehouse.resources;

import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A user was confined to one subtree, or set free ({@code resourceId} null); only that user's decisions change. */
public record RestrictionChanged(Actor actor, UUID userId, UUID resourceId)
		implements AuditedEvent, AccessRelevantChange.OfOneUser {}
