package io.gatehouse.resources;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** The resource tree changed: created, renamed, moved, deleted, or given to another owner. */
public record ResourceChanged(Actor actor, String action, Resource resource)
		implements AuditedEvent, AccessRelevantChange {}
