package io.gatehouse.resources;

import java.time.Instant;
import java.util.UUID;

/** A node of the resource tree: the instance, a workspace, a project, an environment, or a platform's own type. */
public record Resource(UUID id, String type, String name, UUID parentId, UUID ownerId, String externalId,
		Instant createdAt, Instant updatedAt, long version) {
}
