package io.gatehouse.mail;

import java.util.Map;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** An administrator sent themselves a test mail; {@code result} is {@code sent}, {@code logged} or {@code failed}. */
public record TestMailSent(Actor actor, String result) implements AuditedEvent {

	@Override
	public String action() {
		return "mail.test-sent";
	}

	@Override
	public String targetType() {
		return "user";
	}

	@Override
	public String targetId() {
		return actor.userId() == null ? null : actor.userId().toString();
	}

	@Override
	public String outcome() {
		return "failed".equals(result) ? "failure" : "success";
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("result", result);
	}
}
