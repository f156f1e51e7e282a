package io.gatehouse.sso;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** {@code action} is {@code identity-provider.created}, {@code .updated}, {@code .enabled}, {@code .disabled} or {@code .deleted}. */
public record IdentityProviderChanged(Actor actor, String action, UUID providerId, String alias) implements AuditedEvent {

	@Override
	public String targetType() {
		return "identity-provider";
	}

	@Override
	public String targetId() {
		return providerId.toString();
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("alias", alias);
	}
}
