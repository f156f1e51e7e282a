package io.gatehouse.settings;

import java.util.Map;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** {@code changes} by setting name, {@code {"old": …, "new": …}} as codes: no setting is a secret. */
public record SettingsChanged(Actor actor, Map<String, Map<String, String>> changes, long version) implements AuditedEvent {}
