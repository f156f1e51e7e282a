package io.gatehouse.api.resources;

import java.time.Instant;
import java.util.UUID;

import io.gatehouse.resources.Resource;

record ResourceJson(UUID id, String type, String name, UUID parentId, UUID ownerId, String externalId,
		Instant createdAt, Instant updatedAt, long version) {

	static ResourceJson of(Resource resource) {
		return new ResourceJson(resource.id(), resource.type(), resource.name(), resource.parentId(),
				resource.ownerId(), resource.externalId(), resource.createdAt(), resource.updatedAt(), resource.version());
	}
}
