package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;

public record UserReactivated(Actor actor, UUID userId) implements UserEvent.StatusChanged {}
