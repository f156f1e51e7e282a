package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;

/** Sessions other than {@code keepSessionId} end with it: whoever knew the old password must not stay signed in. */
public record PasswordSet(Actor actor, UUID userId, PasswordOrigin how, UUID keepSessionId) implements UserEvent {}
