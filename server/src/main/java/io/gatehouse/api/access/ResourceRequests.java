package io.gatehouse.api.access;

import java.util.UUID;

/** Bodies of the resource endpoints. */
final class ResourceRequests {

	private ResourceRequests() {
	}

	record Create(String type, String name, UUID parentId, UUID ownerId, String externalId) {
	}

	record Update(String name, UUID parentId) {
	}

	record TransferOwnership(UUID ownerId) {
	}

	record Bind(String principalType, UUID principalId, UUID roleId) {
	}
}
