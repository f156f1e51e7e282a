package io.gatehouse.auth;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** Sessions ended early; {@code sessionId} is null when several did, {@code reason} says who or what ended them. */
public record SessionRevoked(Actor actor, UUID userId, UUID sessionId, int count, String reason) implements AuditedEvent {}
