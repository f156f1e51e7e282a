package io.gatehouse;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start when the JVM was given no heap limit (a plain {@code java -jar}): it may then grow to a quarter of
 * the machine's memory and keep it. bin/gatehouse starts with the settings the load benchmark was run with.
 */
@Component
class HeapLimitCheck {

	private static final Logger log = LoggerFactory.getLogger(HeapLimitCheck.class);

	private static final List<String> LIMITS = List.of("-Xmx", "-XX:MaxHeapSize=", "-XX:MaxRAM=",
			"-XX:MaxRAMPercentage=", "-XX:MaxRAMFraction=");

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		if (!limited(ManagementFactory.getRuntimeMXBean().getInputArguments())) {
			log.info("No heap limit was set: the JVM may grow to {} MB. bin/gatehouse starts with the benchmarked "
					+ "settings (see its header), or set -Xmx yourself.", Runtime.getRuntime().maxMemory() >> 20);
		}
	}

	static boolean limited(List<String> jvmArguments) {
		return jvmArguments.stream().anyMatch(argument -> LIMITS.stream().anyMatch(argument::startsWith));
	}
}
