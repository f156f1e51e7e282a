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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The granular entries of a group's permission table: adding an area with its access, or removing one.
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
			@RequestParam(required = false) List<String> access, @RequestParam Long version, Model model) {
		Group group = groups.get(me.actor(), id);
		if (area.isBlank()) {
			return pages.entryRefused(me, id, FormErrors.field("area", "choose an area"), model);
		}
		Map<String, Set<String>> granular = new LinkedHashMap<>(GroupPages.granularOf(group));
		granular.put(area, new LinkedHashSet<>(access == null ? List.of() : access));
		return write(me, id, group, granular, version, model);
	}

	@PostMapping("/console/groups/{id}/permissions/{area}/remove")
	String remove(ConsoleUser me, @PathVariable UUID id, @PathVariable String area, @RequestParam Long version,
			Model model) {
		Group group = groups.get(me.actor(), id);
		Map<String, Set<String>> granular = new LinkedHashMap<>(GroupPages.granularOf(group));
		granular.remove(area);
		return write(me, id, group, granular, version, model);
	}

	private String write(ConsoleUser me, UUID id, Group group, Map<String, Set<String>> granular, Long version,
			Model model) {
		Set<String> global = group.profile() == null ? Actions.CRUD : group.profile().globalActions();
		return FormFlow.submit(() -> groups.update(me.actor(), id, group.name(), group.description(),
				new GroupProfile(global, granular), version))
			.onConcurrentChange("Someone else changed this group meanwhile; check the table and try again.",
					errors -> pages.entryRefused(me, id, errors, model))
			.refused(errors -> pages.entryRefused(me, id, errors, model))
			.redirect("/console/groups/" + id + "#permissions", "saved");
	}
}
