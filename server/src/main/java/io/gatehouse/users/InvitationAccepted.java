package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;

public record InvitationAccepted(Actor actor, UUID userId) implements UserEvent, AccessRelevantChange {}
