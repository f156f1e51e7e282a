package io.gatehouse.auth;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A local System Administrator signed in with a password while sign-in goes through an identity provider. */
public record BreakGlassSignIn(Actor actor, UUID userId) implements AuditedEvent {

	@Override
	public String action() {
		return "sign-in.break-glass";
	}

	@Override
	public String targetType() {
		return "user";
	}

	@Override
	public String targetId() {
		return userId.toString();
	}
}
