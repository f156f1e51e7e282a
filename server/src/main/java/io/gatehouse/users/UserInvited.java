package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;

/** A pending user was created and mailed a link, with this many groups and role bindings to come with it. */
public record UserInvited(Actor actor, UUID userId, int groups, int bindings) implements UserEvent {}
