package io.gatehouse.console.groups;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.access.Actions;
import io.gatehouse.access.GroupProfile;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.groups.Group;
import io.gatehouse.groups.GroupManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The granular entries of a group's permission table: adding an area with its access, changing or removing one.
 * Once a group has one granular entry, only granular entries apply; the page says so.
 */
@Controller
class GroupPermissionsConsoleController {

	private final GroupManagement groups;

	private final GroupPages pages;

	GroupPermissionsConsoleController(GroupManagement groups, GroupPages pages) {
		this.groups = groups;
		this.pages = pages;
	}

	@PostMapping("/console/groups/{id}/permissions")
	String put(ConsoleUser me, @PathVariable UUID id, @RequestParam(defaultValue = "") String area,
			@RequestParam(required = false) List<String> access, @RequestParam(defaultValue = "false") boolean editing,
			@RequestParam Long version, Model model) {
		Group group = groups.get(me.actor(), id);
		EntryForm sent = new EntryForm(area, access, editing);
		if (area.isBlank()) {
			return pages.entryRefused(me, id, sent, FormErrors.field("area", "choose an area"), model);
		}
		if (!pages.isArea(area)) {
			return pages.entryRefused(me, id, sent, FormErrors.field("area", "is not an area of the list"), model);
		}
		if (access == null || access.isEmpty()) {
			return pages.entryRefused(me, id, sent,
					FormErrors.field("access", "choose at least one: an entry without access would only switch the Default Permissions off"),
					model);
		}
		Map<String, Set<String>> granular = new LinkedHashMap<>(GroupPages.granularOf(group));
		granular.put(area, new LinkedHashSet<>(access == null ? List.of() : access));
		return write(me, id, group, granular, version, sent, model);
	}

	/** The group's page with this entry in the form, to change its access. */
	@GetMapping("/console/groups/{id}/permissions/{area}")
	String edit(ConsoleUser me, @PathVariable UUID id, @PathVariable String area, Model model) {
		return pages.editEntry(me, id, area, model);
	}

	@PostMapping("/console/groups/{id}/permissions/{area}/remove")
	String remove(ConsoleUser me, @PathVariable UUID id, @PathVariable String area, @RequestParam Long version,
			Model model) {
		Group group = groups.get(me.actor(), id);
		Map<String, Set<String>> granular = new LinkedHashMap<>(GroupPages.granularOf(group));
		granular.remove(area);
		return write(me, id, group, granular, version, EntryForm.blank(), model);
	}

	private String write(ConsoleUser me, UUID id, Group group, Map<String, Set<String>> granular, Long version,
			EntryForm sent, Model model) {
		Set<String> global = group.profile() == null ? Actions.CRUD : group.profile().globalActions();
		return FormFlow.submit(() -> groups.update(me.actor(), id, group.name(), group.description(),
				new GroupProfile(global, granular), version))
			.onConcurrentChange("Someone else changed this group meanwhile; check the table and try again.",
					errors -> pages.entryRefused(me, id, sent, errors, model))
			.refused(errors -> pages.entryRefused(me, id, sent, errors, model))
			.redirect("/console/groups/" + id + "#permissions", "saved");
	}
}
