package io.gatehouse.oidc;

import java.util.Map;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/**
 * Tokens of an application revoked: by the application ({@code revoked}), because a spent refresh token or a used
 * code came back ({@code reuse-detected}), at the user's sign-out from it ({@code logout}), or when the user withdrew
 * their consent to it ({@code consent-withdrawn}).
 */
record OidcTokensRevoked(Actor actor, String clientId, String reason) implements AuditedEvent {

	@Override
	public String action() {
		return "oidc.tokens-revoked";
	}

	@Override
	public String outcome() {
		return "reuse-detected".equals(reason) ? "failure" : "success";
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
		return Map.of("reason", reason);
	}
}
