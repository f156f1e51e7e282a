package io.gatehouse.users;

import java.util.List;

import io.gatehouse.shared.Actor;

/** {@code fields} names what changed, never the values; {@code previousEmail} lets its owner be told, never audited. */
public record UserUpdated(Actor actor, User user, List<String> fields, String previousEmail) implements UserEvent.WithAccount {}
