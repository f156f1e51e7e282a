package io.gatehouse.oidc;

import java.util.Map;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/** A user granted (or withdrew) an application's access to the named scopes. */
record OidcConsentChanged(Actor actor, String clientId, String scopes, boolean granted) implements AuditedEvent {

	@Override
	public String action() {
		return granted ? "oidc.consent-granted" : "oidc.consent-withdrawn";
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
		return Map.of("scopes", scopes);
	}
}
