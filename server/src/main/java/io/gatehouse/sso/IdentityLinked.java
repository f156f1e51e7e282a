package io.gatehouse.sso;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A provider's subject now signs in as this account: made for it ({@code created}) or found by verified email. */
public record IdentityLinked(Actor actor, UUID userId, String alias, String subject, String how) implements AuditedEvent {

	@Override
	public String action() {
		return "sso.identity-linked";
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
		return Map.of("provider", alias, "subject", subject, "how", how);
	}
}
