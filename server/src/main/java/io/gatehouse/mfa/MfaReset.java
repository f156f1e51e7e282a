package io.gatehouse.mfa;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** An administrator removed a user's second factor (a lost phone); the user enrols again. */
public record MfaReset(Actor actor, UUID userId) implements AuditedEvent {}
