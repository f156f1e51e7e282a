package io.gatehouse.console.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Actions;
import io.gatehouse.access.Permissions;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.groups.Group;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.roles.PermissionCatalog;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDirectory;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the model of a group's page: the form, the permission table, the members, and what the viewer may change. */
@Component
class GroupPages {

	static final List<String> CRUD = List.of(Actions.CREATE, Actions.READ, Actions.UPDATE, Actions.DELETE);

	private final GroupManagement groups;

	private final PermissionCatalog catalog;

	private final UserDirectory directory;

	private final AccessControl access;

	GroupPages(GroupManagement groups, PermissionCatalog catalog, UserDirectory directory, AccessControl access) {
		this.groups = groups;
		this.catalog = catalog;
		this.directory = directory;
		this.access = access;
	}

	/** The page with the permission table's entry form refused, showing what was sent. */
	String entryRefused(ConsoleUser me, UUID id, EntryForm sent, FormErrors errors, Model model) {
		model.addAttribute("entryErrors", errors);
		model.addAttribute("entryForm", sent);
		return groupPage(me, id, null, FormErrors.NONE, model);
	}

	/** The page with one granular entry in the entry form, to change its access. */
	String editEntry(ConsoleUser me, UUID id, String area, Model model) {
		Set<String> actions = granularOf(groups.get(me.actor(), id)).get(area);
		if (actions != null) {
			model.addAttribute("entryForm", new EntryForm(area, sortActions(actions), true));
		}
		return groupPage(me, id, null, FormErrors.NONE, model);
	}

	/** The page with the add-member form refused, the login typed kept. */
	String memberRefused(ConsoleUser me, UUID id, String login, FormErrors errors, Model model) {
		model.addAttribute("memberErrors", errors);
		model.addAttribute("login", login);
		return groupPage(me, id, null, FormErrors.NONE, model);
	}

	String groupPage(ConsoleUser me, UUID id, GroupForm sent, FormErrors errors, Model model) {
		Group group = groups.get(me.actor(), id);
		model.addAttribute("group", group);
		model.addAttribute("form", sent != null ? sent : GroupForm.of(group));
		model.addAttribute("errors", errors);
		model.addAttribute("crud", CRUD);
		model.addAttribute("permissionRows", rows(group));
		model.addAttribute("areas", catalog.areas());
		model.addAttribute("members", members(me, id));
		model.addAttribute("canUpdate", access.allows(me.actor(), Permissions.GROUPS_UPDATE));
		model.addAttribute("canDelete", access.allows(me.actor(), Permissions.GROUPS_DELETE));
		if (!model.containsAttribute("entryErrors")) {
			model.addAttribute("entryErrors", FormErrors.NONE);
		}
		if (!model.containsAttribute("entryForm")) {
			model.addAttribute("entryForm", EntryForm.blank());
		}
		model.addAttribute("canSuggestMembers", access.allows(me.actor(), Permissions.USERS_READ));
		if (!model.containsAttribute("memberErrors")) {
			model.addAttribute("memberErrors", FormErrors.NONE);
		}
		return "console/groups/show";
	}

	boolean isArea(String name) {
		return catalog.areas().stream().anyMatch(area -> area.name().equals(name));
	}

	static List<PermissionRow> rows(Group group) {
		List<PermissionRow> rows = new ArrayList<>();
		if (group.profile() == null) {
			return rows;
		}
		new TreeMap<>(group.profile().granular()).forEach((area, actions) -> {
			List<String> sorted = sortActions(actions);
			rows.add(new PermissionRow(area, sorted, sorted.stream().map(action -> area + ":" + action).toList()));
		});
		return rows;
	}

	static List<String> sortActions(Set<String> actions) {
		List<String> sorted = new ArrayList<>();
		for (String action : CRUD) {
			if (actions.contains(action)) {
				sorted.add(action);
			}
		}
		actions.stream().filter(action -> !CRUD.contains(action)).sorted().forEach(sorted::add);
		return sorted;
	}

	/** Members as people read them; a member the viewer may not read is shown by id only. */
	private List<User> members(ConsoleUser me, UUID id) {
		List<User> users = new ArrayList<>();
		if (!access.allows(me.actor(), Permissions.USERS_READ)) {
			return users;
		}
		for (UUID member : groups.members(me.actor(), id)) {
			try {
				users.add(directory.get(me.actor(), member));
			}
			catch (DomainException ex) {
				// a member deleted meanwhile: nothing to show
			}
		}
		return users;
	}

	static Map<String, Set<String>> granularOf(Group group) {
		return group.profile() == null ? Map.of() : group.profile().granular();
	}
}
