package io.gatehouse.applications;

import java.time.Instant;

/**
 * An application just registered, or given a new secret: the only moment its secret is known (null for public).
 *
 * @param previousSecretExpiresAt after a rotation with an overlap, until when the previous secret still works
 */
public record RegisteredApplication(Application application, String clientSecret, Instant previousSecretExpiresAt) {

	public RegisteredApplication(Application application, String clientSecret) {
		this(application, clientSecret, null);
	}
}
