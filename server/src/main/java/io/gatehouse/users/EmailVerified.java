package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;

public record EmailVerified(Actor actor, UUID userId) implements UserEvent {}
