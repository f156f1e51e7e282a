package io.gatehouse.console.groups;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.groups.Group;
import io.gatehouse.groups.GroupManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Groups: the list, + New Group with its Default Permissions, Create Default Reseller, a group's name,
 * description and global permissions, and deleting it. Everything through {@link GroupManagement}.
 */
@Controller
class GroupConsoleController {

	private final GroupManagement groups;

	private final GroupPages pages;

	private final AccessControl access;

	GroupConsoleController(GroupManagement groups, GroupPages pages, AccessControl access) {
		this.groups = groups;
		this.pages = pages;
		this.access = access;
	}

	@GetMapping("/console/groups")
	String list(ConsoleUser me, Model model) {
		List<Group> all = groups.list(me.actor());
		Map<UUID, Integer> members = new HashMap<>();
		Map<UUID, List<String>> globals = new HashMap<>();
		for (Group group : all) {
			members.put(group.id(), groups.members(me.actor(), group.id()).size());
			if (group.profile() != null) {
				globals.put(group.id(), GroupPages.sortActions(group.profile().globalActions()));
			}
		}
		model.addAttribute("globalActions", globals);
		model.addAttribute("groups", all);
		model.addAttribute("memberCounts", members);
		model.addAttribute("canCreate", access.allows(me.actor(), Permissions.GROUPS_CREATE));
		return "console/groups/list";
	}

	@GetMapping("/console/groups/new")
	String newGroup(ConsoleUser me, Model model) {
		access.require(me.actor(), Permissions.GROUPS_CREATE);
		return form(GroupForm.blank(), FormErrors.NONE, model);
	}

	@PostMapping("/console/groups")
	String create(ConsoleUser me, @ModelAttribute GroupForm form, Model model) {
		return FormFlow.submit(() -> groups.create(me.actor(), form.name(), form.description(), form.profileKeeping(Map.of())))
			.refused(errors -> form(form, errors, model))
			.done(group -> ConsoleRedirects.withNotice("/console/groups/" + group.id(), "group-created"));
	}

	@PostMapping("/console/groups/default-reseller")
	String defaultReseller(ConsoleUser me) {
		Group group = groups.createDefaultReseller(me.actor(), null);
		return ConsoleRedirects.withNotice("/console/groups/" + group.id(), "group-created");
	}

	@GetMapping("/console/groups/{id}")
	String show(ConsoleUser me, @PathVariable UUID id, Model model) {
		return pages.groupPage(me, id, null, FormErrors.NONE, model);
	}

	@PostMapping("/console/groups/{id}")
	String update(ConsoleUser me, @PathVariable UUID id, @ModelAttribute GroupForm form, Model model) {
		Group current = groups.get(me.actor(), id);
		// with granular entries the Default Permissions are shown disabled and not sent: they stay as stored
		GroupForm sent = GroupPages.granularOf(current).isEmpty() || current.profile() == null ? form
				: form.withGlobalActions(current.profile().globalActions());
		return FormFlow.submit(() -> groups.update(me.actor(), id, sent.name(), sent.description(),
				sent.profileKeeping(GroupPages.granularOf(current)), sent.version()))
			.onConcurrentChange("Someone else changed this group while you were editing. This is what is stored now.",
					errors -> pages.groupPage(me, id, null, errors, model))
			.refused(errors -> pages.groupPage(me, id, sent, errors, model))
			.redirect("/console/groups/" + id, "saved");
	}

	@PostMapping("/console/groups/{id}/delete")
	String delete(ConsoleUser me, @PathVariable UUID id) {
		groups.delete(me.actor(), id);
		return ConsoleRedirects.withNotice("/console/groups", "group-deleted");
	}

	private String form(GroupForm form, FormErrors errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("crud", GroupPages.CRUD);
		return "console/groups/new";
	}
}
