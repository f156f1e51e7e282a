package io.gatehouse.settings;

import java.util.Map;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.AuditedEvent;

/**
 * Settings were changed.
 *
 * @param changes by setting name, {@code {"old": …, "new": …}} as codes (never secrets: no setting is one)
 */
public record SettingsChanged(Actor actor, Map<String, Map<String, String>> changes, long version)
		implements AuditedEvent {

	@Override
	public String action() {
		return "settings.updated";
	}

	@Override
	public String targetType() {
		return "settings";
	}

	@Override
	public String targetId() {
		return "instance";
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("changes", changes, "version", version);
	}
}
