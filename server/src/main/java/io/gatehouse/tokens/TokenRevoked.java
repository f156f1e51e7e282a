package io.gatehouse.tokens;

import io.gatehouse.shared.Actor;

public record TokenRevoked(Actor actor, PersonalAccessToken token) implements TokenEvent {}
