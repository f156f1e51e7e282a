package io.gatehouse.provisioning;

import java.time.Instant;
import java.util.UUID;

/**
 * A registered SCIM client as listed: never its token, which only its registration showed.
 *
 * @param createdBy the administrator whose rights, narrowed to what SCIM needs, the client acts with
 */
public record ScimClient(UUID id, String name, UUID tokenId, String tokenPrefix, UUID createdBy, Instant createdAt,
		Instant expiresAt, Instant lastUsedAt) {

	/** How the client appears as the actor of its changes in the audit log. */
	public String actorName() {
		return name + " (SCIM client)";
	}
}
