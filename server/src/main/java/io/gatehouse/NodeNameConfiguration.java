package io.gatehouse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import io.gatehouse.shared.NodeName;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Names this node: {@code gatehouse.node-name} when set, else its host name and HTTP port, which stay the same across
 * a restart and differ between nodes on one host. A node on a random port (0) gets a random name instead, since no
 * later start could be told from another node.
 */
@Configuration(proxyBeanMethods = false)
class NodeNameConfiguration {

	@Bean
	NodeName nodeName(Environment environment) {
		String configured = environment.getProperty("gatehouse.node-name");
		if (configured != null && !configured.isBlank()) {
			return new NodeName(configured.strip());
		}
		String port = environment.getProperty("server.port", "8080");
		String suffix = "0".equals(port) ? UUID.randomUUID().toString().substring(0, 8) : port;
		return new NodeName(hostName() + ":" + suffix);
	}

	private static String hostName() {
		String fromEnvironment = System.getenv("HOSTNAME");
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return shortened(fromEnvironment.strip());
		}
		try {
			return shortened(InetAddress.getLocalHost().getHostName());
		}
		catch (UnknownHostException ex) {
			return "gatehouse";
		}
	}

	private static String shortened(String host) {
		return host.length() > 200 ? host.substring(0, 200) : host;
	}
}
