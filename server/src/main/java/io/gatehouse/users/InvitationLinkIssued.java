package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.Actor;

/** The inviter took an invitation link to hand over themselves (mail cannot go out); the link itself is never kept. */
public record InvitationLinkIssued(Actor actor, UUID userId) implements UserEvent {}
