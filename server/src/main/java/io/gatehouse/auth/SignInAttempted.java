package io.gatehouse.auth;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** {@code result} says what came of it; kept for the audit log only, clients see one answer. */
public record SignInAttempted(Actor actor, UUID userId, String login, String result) implements AuditedEvent {}
