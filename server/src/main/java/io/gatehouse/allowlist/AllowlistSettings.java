package io.gatehouse.allowlist;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param systemAdministrators the instance-wide allowlist every System Administrator must also satisfy (in
 * addition to their own); empty: no such restriction
 * @param epochPoll how often a node looks for allowlist changes made on other nodes
 */
@ConfigurationProperties("gatehouse.allowlist")
public record AllowlistSettings(List<String> systemAdministrators, Duration epochPoll) {

	public AllowlistSettings {
		systemAdministrators = systemAdministrators == null ? List.of()
				: systemAdministrators.stream().filter(rule -> rule != null && !rule.isBlank()).toList();
		epochPoll = epochPoll == null ? Duration.ofSeconds(1) : epochPoll;
		// fail at start-up, naming the rule, rather than at the first sign-in
		IpRules.parse(systemAdministrators, "gatehouse.allowlist.system-administrators");
	}
}
