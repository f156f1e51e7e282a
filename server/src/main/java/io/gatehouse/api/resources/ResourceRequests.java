package io.gatehouse.api.resources;

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

	/**
	 * A role binding, given either as {@code roleId} or, in the console's words, as an object {@code policy}:
	 * {@code read} (Viewer), {@code write} (Editor) or {@code none} (No Access).
	 */
	record Bind(String principalType, UUID principalId, UUID roleId, String policy) {
	}
}
