package io.gatehouse.applications;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.gatehouse.shared.Actor;

/** A new secret; {@code previousUntil} is when the previous one stops working (null: it stopped at once). */
public record ApplicationSecretRotated(Actor actor, Application application, Instant previousUntil)
		implements ApplicationEvent {

	@Override
	public String action() {
		return "application.secret-rotated";
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>(ApplicationEvent.super.details());
		details.put("previousSecretExpiresAt", previousUntil == null ? "now" : previousUntil.toString());
		return details;
	}
}
