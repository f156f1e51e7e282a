package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** Recorded whether or not an account has the address (then {@code userId} is null): the client is never told which, the audit log is. */
public record PasswordResetRequested(Actor actor, UUID userId, String result) implements AuditedEvent {}
