package io.gatehouse.console.groups;

import java.util.List;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.groups.GroupManagement;
import org.springframework.stereotype.Component;

/**
 * The groups beside the users list (users on the left, groups on the right, on a wide screen), read by the users list's
 * template for a viewer who may read groups.
 */
@Component("groupsAside")
public class GroupsAside {

	/** Groups listed beside the users; each costs a count of its members. */
	static final int SHOWN = 30;

	/** A line of the list: the group and how many members it has. */
	public record Line(UUID id, String name, int members) {
	}

	private final GroupManagement groups;

	private final AccessControl access;

	GroupsAside(GroupManagement groups, AccessControl access) {
		this.groups = groups;
		this.access = access;
	}

	public boolean shown(ConsoleUser me) {
		return me != null && access.allows(me.actor(), Permissions.GROUPS_READ);
	}

	public boolean canCreate(ConsoleUser me) {
		return me != null && access.allows(me.actor(), Permissions.GROUPS_CREATE);
	}

	/** The first {@link #SHOWN} groups by name; the Groups page lists them all. */
	public List<Line> lines(ConsoleUser me) {
		if (!shown(me)) {
			return List.of();
		}
		return groups.list(me.actor())
			.stream()
			.limit(SHOWN)
			.map(group -> new Line(group.id(), group.name(), groups.members(me.actor(), group.id()).size()))
			.toList();
	}

	public boolean more(ConsoleUser me) {
		return shown(me) && groups.list(me.actor()).size() > SHOWN;
	}
}
