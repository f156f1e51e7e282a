package io.gatehouse.mfa;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

public record MfaEnrolled(Actor actor, UUID userId) implements AuditedEvent {}
