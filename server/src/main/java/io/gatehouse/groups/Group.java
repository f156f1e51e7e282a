package io.gatehouse.groups;

import java.time.Instant;
import java.util.UUID;

import io.gatehouse.access.GroupProfile;

/**
 * A set of users holding role bindings, and optionally a permission profile.
 *
 * @param profile null when the group has no permission profile
 */
public record Group(UUID id, String name, String description, GroupProfile profile, Instant createdAt,
		Instant updatedAt, long version) {
}
