package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;

/** An administrator took a password-reset link to hand over themselves; the link itself is never kept. */
public record PasswordResetLinkIssued(Actor actor, UUID userId) implements UserEvent {}
