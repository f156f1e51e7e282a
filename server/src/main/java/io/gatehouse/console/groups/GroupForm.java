package io.gatehouse.console.groups;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.gatehouse.access.Actions;
import io.gatehouse.access.GroupProfile;
import io.gatehouse.groups.Group;

/**
 * A group's name, description and its Default Permissions: the global CRUD actions, all four ticked by
 * default. The granular entries are edited one by one in the permission table, not here.
 *
 * @param profile whether the group has a permission profile at all; without one it grants only through its role
 * bindings
 */
record GroupForm(String name, String description, boolean profile, List<String> globalActions, Long version) {

	GroupForm {
		globalActions = globalActions == null ? List.of() : globalActions;
	}

	static GroupForm blank() {
		return new GroupForm(null, null, true, List.of(Actions.CREATE, Actions.READ, Actions.UPDATE, Actions.DELETE),
				null);
	}

	static GroupForm of(Group group) {
		return new GroupForm(group.name(), group.description(), group.profile() != null,
				group.profile() == null ? List.of() : List.copyOf(group.profile().globalActions()), group.version());
	}

	/** The profile to store: these globals, and the granular entries the group already has. */
	GroupProfile profileKeeping(Map<String, java.util.Set<String>> granular) {
		return profile ? new GroupProfile(new LinkedHashSet<>(globalActions), granular) : null;
	}

	GroupForm withGlobalActions(java.util.Set<String> actions) {
		return new GroupForm(name, description, profile, GroupPages.sortActions(actions), version);
	}

	public boolean grantsGlobally(String action) {
		return globalActions.contains(action);
	}
}
