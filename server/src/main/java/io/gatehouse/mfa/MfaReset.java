package io.gatehouse.mfa;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** An administrator removed a user's second factor and recovery codes; the user enrols again. */
public record MfaReset(Actor actor, UUID userId) implements AuditedEvent {

	@Override
	public String action() {
		return "mfa.reset";
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
