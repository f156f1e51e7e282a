package io.gatehouse.oidc;

import java.util.Map;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** Tokens issued to an application, by a code exchange, a refresh or client credentials. */
record OidcTokenIssued(Actor actor, String clientId, String grantType, String scopes, boolean refreshToken)
		implements AuditedEvent {

	@Override
	public String action() {
		return "refresh_token".equals(grantType) ? "oidc.token-refreshed" : "oidc.token-issued";
	}

	@Override
	public String targetType() {
		return "application";
	}

	@Override
	public String targetId() {
		return clientId;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("grantType", grantType, "scopes", scopes, "refreshToken", refreshToken);
	}
}
