package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;

/** Listeners end what must end with sign-in (sessions) in the same transaction. */
public record UserDeactivated(Actor actor, UUID userId) implements UserEvent.StatusChanged {}
