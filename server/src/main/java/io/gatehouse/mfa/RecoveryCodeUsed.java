package io.gatehouse.mfa;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A recovery code stood in for the authenticator at a sign-in; it cannot be used again. */
public record RecoveryCodeUsed(Actor actor, UUID userId) implements AuditedEvent {}
