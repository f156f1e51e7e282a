package io.gatehouse.users;

import java.util.List;
import java.util.Map;

import io.gatehouse.resources.Resource;
import io.gatehouse.shared.Counts;
import io.gatehouse.shared.DomainException;

/** A user who owns resources is not deleted until each one has a new owner. */
class UserOwnsResources extends DomainException {

	private final List<Map<String, Object>> resources;

	UserOwnsResources(List<Resource> owned) {
		super(Kind.CONFLICT, "user-owns-resources", "The user owns " + Counts.of(owned.size(), "resource", "resources")
				+ "; transfer their ownership (POST /api/v1/resources/{id}/owner) before deleting the user.");
		this.resources = owned.stream()
			.map(resource -> Map.<String, Object>of("id", resource.id().toString(), "type", resource.type(), "name",
					resource.name()))
			.toList();
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("resources", resources);
	}
}
