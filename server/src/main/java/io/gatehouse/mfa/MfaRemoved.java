package io.gatehouse.mfa;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A user removed their own second factor, proving it with a current code. */
public record MfaRemoved(Actor actor, UUID userId) implements AuditedEvent {}
