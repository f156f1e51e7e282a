package io.gatehouse.auth;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A password sign-in was tried; {@code result} says what came of it (kept internal: clients see one answer). */
public record SignInAttempted(Actor actor, UUID userId, String login, String result) implements AuditedEvent {

	@Override
	public String action() {
		return "auth.sign-in";
	}

	@Override
	public String targetType() {
		return "user";
	}

	@Override
	public String targetId() {
		return userId == null ? null : userId.toString();
	}

	@Override
	public String outcome() {
		if ("accepted".equals(result)) {
			return "success";
		}
		return "second-factor-required".equals(result) ? "pending" : "failure";
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("login", login == null ? "" : login, "result", result);
	}
}
