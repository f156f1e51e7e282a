package io.gatehouse.allowlist;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param systemAdministrators the instance-wide allowlist every System Administrator must also satisfy (in
 * addition to their own); empty: no such restriction
 */
@ConfigurationProperties("gatehouse.allowlist")
public record AllowlistSettings(List<String> systemAdministrators) {

	public AllowlistSettings {
		systemAdministrators = systemAdministrators == null ? List.of()
				: systemAdministrators.stream().filter(rule -> rule != null && !rule.isBlank()).toList();
		// fail at start-up, naming the rule, rather than at the first sign-in
		IpRules.parse(systemAdministrators, "gatehouse.allowlist.system-administrators");
	}
}
