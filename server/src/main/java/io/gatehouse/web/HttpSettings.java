package io.gatehouse.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body read; a larger one is refused with {@code 413} before it is read
 * into memory, whether it says its length or comes in chunks
 */
@ConfigurationProperties("gatehouse.http")
public record HttpSettings(DataSize maxBodySize) {

	public HttpSettings {
		maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
		if (maxBodySize.toBytes() < 1024) {
			throw new IllegalArgumentException("gatehouse.http.max-body-size must be at least 1KB");
		}
	}
}
