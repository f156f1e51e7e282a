package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;

public record EmailChangeRequested(Actor actor, UUID userId) implements UserEvent {}
