package io.gatehouse.settings;

import java.util.Map;
import java.util.Set;

/**
 * The settings as an administrator reads them.
 *
 * @param values every setting's code in force
 * @param defaults every setting's code from the configuration
 * @param changed the settings that differ from the configuration because someone changed them
 * @param version bumped by every change; the ETag
 */
public record SettingsView(InstanceSettings settings, Map<String, String> values, Map<String, String> defaults,
		Set<String> changed, long version) {
}
