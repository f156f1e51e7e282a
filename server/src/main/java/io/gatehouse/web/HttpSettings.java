package io.gatehouse.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body read; a larger one is refused with {@code 413} before it is read
 * into memory, whether it says its length or comes in chunks
 * @param concurrentRequests how many requests do their work at once; the rest wait in line in order of arrival.
 * Unset: twice the cores. 0: no limit
 * @param queueWait the longest a request waits in line; then it runs anyway
 */
@ConfigurationProperties("gatehouse.http")
public record HttpSettings(DataSize maxBodySize, Integer concurrentRequests, Duration queueWait) {

	public HttpSettings {
		maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
		if (maxBodySize.toBytes() < 1024) {
			throw new IllegalArgumentException("gatehouse.http.max-body-size must be at least 1KB");
		}
		concurrentRequests = concurrentRequests == null ? 2 * Runtime.getRuntime().availableProcessors()
				: concurrentRequests;
		if (concurrentRequests < 0) {
			throw new IllegalArgumentException("gatehouse.http.concurrent-requests must be 0 (no limit) or more");
		}
		queueWait = queueWait == null ? Duration.ofSeconds(1) : queueWait;
		if (queueWait.isNegative()) {
			throw new IllegalArgumentException("gatehouse.http.queue-wait must not be negative");
		}
	}
}
