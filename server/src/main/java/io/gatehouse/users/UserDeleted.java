package io.gatehouse.users;

import java.util.UUID;

import io.gatehouse.shared.AccessRelevantChange;
import io.gatehouse.shared.Actor;

/** Gone for good (or, with {@code invitation}, a pending invitation cancelled): listeners drop what they keep of the user in the same transaction. */
public record UserDeleted(Actor actor, UUID userId, boolean invitation) implements UserEvent, AccessRelevantChange {}
