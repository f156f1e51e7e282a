package io.gatehouse.access;

import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A user became System Administrator: decisions about others may change too (who may act on whom). */
public record SystemAdministratorGranted(Actor actor, UUID userId) implements AuditedEvent, AccessRelevantChange {}
