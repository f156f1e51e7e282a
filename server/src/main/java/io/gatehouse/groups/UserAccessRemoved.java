package io.gatehouse.groups;

import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A deleted user's bindings, memberships and restriction were removed. */
public record UserAccessRemoved(Actor actor, UUID userId, int bindings, int memberships, boolean restriction)
		implements AuditedEvent, AccessRelevantChange {}
