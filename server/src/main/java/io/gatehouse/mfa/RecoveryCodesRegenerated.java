package io.gatehouse.mfa;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** The old recovery codes no longer work. */
public record RecoveryCodesRegenerated(Actor actor, UUID userId) implements AuditedEvent {}
