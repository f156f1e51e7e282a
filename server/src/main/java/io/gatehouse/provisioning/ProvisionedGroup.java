package io.gatehouse.provisioning;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.gatehouse.groups.Group;

/**
 * A group as SCIM shows it: its name, members (users) and the client's externalId; its roles and profile stay
 * Gatehouse's to manage.
 *
 * @param externalId null when the client gave none
 */
public record ProvisionedGroup(Group group, List<UUID> members, String externalId) {

	/** {@code meta.version}: the group's version, its members and its externalId, which change no group row. */
	public String version() {
		return "W/\"" + group.version() + "-"
				+ Integer.toHexString(Objects.hash(members.stream().sorted().toList(), externalId)) + "\"";
	}
}
