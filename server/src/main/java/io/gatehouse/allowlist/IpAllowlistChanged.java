package io.gatehouse.allowlist;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A user's IP allowlist was replaced; sessions and tokens used from outside it stop working at their next request. */
public record IpAllowlistChanged(Actor actor, UUID userId, List<String> rules) implements AuditedEvent {

	@Override
	public String action() {
		return "user.ip-allowlist.changed";
	}

	@Override
	public String targetType() {
		return "user";
	}

	@Override
	public String targetId() {
		return userId.toString();
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("rules", rules);
	}
}
