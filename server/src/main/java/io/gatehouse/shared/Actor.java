package io.gatehouse.shared;

import java.util.UUID;

/**
 * Who performs an operation, and from where. Every domain service takes one, so permission checks and audit
 * events never depend on a web request being around.
 *
 * @param userId the acting user; {@code null} only for the system itself (bootstrap, scheduled jobs)
 * @param tokenId the personal access token used, when the request came with one
 */
public record Actor(UUID userId, String username, String clientIp, UUID sessionId, UUID tokenId) {

	private static final Actor SYSTEM = new Actor(null, "system", null, null, null);

	public static Actor system() {
		return SYSTEM;
	}

	public static Actor anonymous(String clientIp) {
		return new Actor(null, null, clientIp, null, null);
	}

	public boolean isSystem() {
		return this == SYSTEM;
	}

	public boolean is(UUID user) {
		return userId != null && userId.equals(user);
	}
}
