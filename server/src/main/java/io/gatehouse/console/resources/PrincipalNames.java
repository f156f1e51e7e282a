package io.gatehouse.console.resources;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.resources.Resource;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.UserDirectory;

/**
 * People's and groups' names for one page, each read once. Someone who may not read users sees "you" for themselves
 * and "another user" for the rest, rather than ids.
 */
public final class PrincipalNames {

	private final ConsoleUser me;

	private final UserDirectory directory;

	private final GroupManagement groups;

	private final boolean readUsers;

	private final boolean readGroups;

	private final Map<UUID, String> seen = new HashMap<>();

	public PrincipalNames(ConsoleUser me, AccessControl access, UserDirectory directory, GroupManagement groups) {
		this.me = me;
		this.directory = directory;
		this.groups = groups;
		this.readUsers = access.allows(me.actor(), Permissions.USERS_READ);
		this.readGroups = access.allows(me.actor(), Permissions.GROUPS_READ);
	}

	ResourceNode node(Resource resource) {
		return new ResourceNode(resource.id(), resource.type(), resource.name(), user(resource.ownerId()));
	}

	public String user(UUID id) {
		if (id == null) {
			return null;
		}
		if (me.actor().is(id)) {
			return me.user().username() + " (you)";
		}
		if (!readUsers) {
			return "another user";
		}
		return seen.computeIfAbsent(id, key -> {
			try {
				return directory.get(me.actor(), key).username();
			}
			catch (DomainException ex) {
				return "a deleted user";
			}
		});
	}

	public String userLink(UUID id) {
		return readUsers ? "/console/users/" + id : null;
	}

	public String group(UUID id) {
		if (!readGroups) {
			return "a group";
		}
		return seen.computeIfAbsent(id, key -> {
			try {
				return groups.get(me.actor(), key).name();
			}
			catch (DomainException ex) {
				return "a deleted group";
			}
		});
	}

	public String groupLink(UUID id) {
		return readGroups ? "/console/groups/" + id : null;
	}
}
