package io.gatehouse.web;

import java.util.List;

import io.gatehouse.allowlist.IpRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are
 * believed, as allowlist rules (addresses, wildcard prefixes, CIDR ranges). Empty (the default): the client address
 * is the socket peer and forwarded headers are ignored, whoever sends them
 */
@ConfigurationProperties("gatehouse.network")
public record NetworkSettings(List<String> trustedProxies) {

	public NetworkSettings {
		// an empty property binds as one blank entry: that means no proxy, not an invalid rule
		trustedProxies = trustedProxies == null ? List.of()
				: trustedProxies.stream().filter(rule -> rule != null && !rule.isBlank()).toList();
		IpRules.parse(trustedProxies, "gatehouse.network.trusted-proxies");
	}
}
