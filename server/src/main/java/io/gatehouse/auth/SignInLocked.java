package io.gatehouse.auth;

import java.time.Instant;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** Too many failed attempts locked a {@code user}, an unknown {@code login} or a client {@code address}. */
public record SignInLocked(Actor actor, String targetType, String targetId, int failures, Instant lockedUntil) implements AuditedEvent {}
