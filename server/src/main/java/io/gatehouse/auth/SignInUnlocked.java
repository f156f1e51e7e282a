package io.gatehouse.auth;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** An administrator cleared the failed attempts (and any lock) of an account or a client address. */
public record SignInUnlocked(Actor actor, String targetType, String targetId) implements AuditedEvent {}
