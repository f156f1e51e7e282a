package io.gatehouse.users;

import io.gatehouse.shared.Actor;

public record UserCreated(Actor actor, User user) implements UserEvent.WithAccount {}
