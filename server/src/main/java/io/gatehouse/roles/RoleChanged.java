package io.gatehouse.roles;

import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A custom role was created, changed or deleted. */
public record RoleChanged(Actor actor, String action, UUID roleId, String name)
		implements AuditedEvent, AccessRelevantChange {}
