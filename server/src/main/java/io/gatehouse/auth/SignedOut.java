package io.gatehouse.auth;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

public record SignedOut(Actor actor) implements AuditedEvent {

	@Override
	public String action() {
		return "auth.sign-out";
	}

	@Override
	public String targetType() {
		return "user";
	}

	@Override
	public String targetId() {
		return actor.userId().toString();
	}
}
