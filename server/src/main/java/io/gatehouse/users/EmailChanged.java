package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;

/** The new address replaced the old one (neither is recorded: both are personal data). */
public record EmailChanged(Actor actor, UUID userId) implements UserEvent {}
