package io.gatehouse.allowlist;

import java.util.List;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** Sessions and tokens used from outside the new rules stop working at their next request. */
public record IpAllowlistChanged(Actor actor, UUID userId, List<String> rules) implements AuditedEvent {}
