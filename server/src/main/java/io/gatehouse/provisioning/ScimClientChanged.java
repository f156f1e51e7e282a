package io.gatehouse.provisioning;

import java.util.Map;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A SCIM client was registered ({@code scim-client.registered}) or revoked ({@code scim-client.revoked}). */
public record ScimClientChanged(Actor actor, String action, ScimClient client) implements AuditedEvent {

	@Override
	public String targetType() {
		return "scim-client";
	}

	@Override
	public String targetId() {
		return client.id().toString();
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("name", client.name());
	}
}
