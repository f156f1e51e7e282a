package io.gatehouse.mfa;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A user confirmed a TOTP authenticator and received recovery codes. */
public record MfaEnrolled(Actor actor, UUID userId) implements AuditedEvent {

	@Override
	public String action() {
		return "mfa.enrolled";
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
