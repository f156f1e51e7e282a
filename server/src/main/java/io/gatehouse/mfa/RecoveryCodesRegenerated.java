package io.gatehouse.mfa;

import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A user's recovery codes were replaced; the old ones no longer work. */
public record RecoveryCodesRegenerated(Actor actor, UUID userId) implements AuditedEvent {

	@Override
	public String action() {
		return "mfa.recovery-codes.regenerated";
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
