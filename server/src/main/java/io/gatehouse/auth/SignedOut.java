package io.gatehouse.auth;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

public record SignedOut(Actor actor) implements AuditedEvent {}
