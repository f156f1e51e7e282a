package io.gatehouse.provisioning;

import java.util.List;
import java.util.UUID;

import io.gatehouse.groups.Group;

/** A group as SCIM shows it: its name and members (users); its roles and profile stay Gatehouse's to manage. */
public record ProvisionedGroup(Group group, List<UUID> members) {

	/** {@code meta.version}: the group's version and its members, which change no group row. */
	public String version() {
		return "W/\"" + group.version() + "-" + Integer.toHexString(members.stream().sorted().toList().hashCode()) + "\"";
	}
}
