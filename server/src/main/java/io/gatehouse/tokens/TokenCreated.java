package io.gatehouse.tokens;

import io.gatehouse.shared.Actor;

public record TokenCreated(Actor actor, PersonalAccessToken token) implements TokenEvent {}
