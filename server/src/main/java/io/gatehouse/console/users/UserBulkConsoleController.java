package io.gatehouse.console.users;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.groups.RoleGrant;
import io.gatehouse.groups.UserAssignments;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.UserManagement;
import io.gatehouse.users.UserSearch;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The users list's bulk actions: deactivate, give a role, take a role, for the ticked users. Each user is one
 * operation of its own, under every check it has alone (the house rule on acting on a person included): a user the
 * caller may not act on is refused and named in the report, and the others are done.
 */
@Controller
class UserBulkConsoleController {

	private final UserManagement management;

	private final UserAssignments assignments;

	UserBulkConsoleController(UserManagement management, UserAssignments assignments) {
		this.management = management;
		this.assignments = assignments;
	}

	@PostMapping("/console/users/bulk")
	String apply(ConsoleUser me, @RequestParam String action, @RequestParam(required = false) List<UUID> ids,
			@RequestParam(required = false) String role, @RequestParam(required = false) String list) {
		String back = list != null && (list.equals("/console/users") || list.startsWith("/console/users?"))
				&& ConsoleRedirects.isSafeReturn(list) ? list : "/console/users";
		List<UUID> chosen = ids == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(ids));
		if (chosen.isEmpty()) {
			throw DomainException.invalidField("ids", "required", "Tick at least one user.");
		}
		if (chosen.size() > UserSearch.MAX_LIMIT) {
			throw DomainException.invalidField("ids", "size", "At most " + UserSearch.MAX_LIMIT + " users at once.");
		}
		Operation operation = switch (action) {
			case "deactivate" -> id -> management.deactivate(me.actor(), id, null);
			case "add-role" -> {
				RoleGrant grant = RoleOption.parse(role, 0);
				yield id -> assignments.addRole(me.actor(), id, grant);
			}
			case "remove-role" -> {
				RoleGrant grant = RoleOption.parse(role, 0);
				yield id -> assignments.removeRole(me.actor(), id, grant);
			}
			default -> throw DomainException.invalidField("action", "one-of",
					"must be deactivate, add-role or remove-role");
		};
		int changed = 0;
		List<Map.Entry<UUID, String>> refused = new ArrayList<>();
		for (UUID id : chosen) {
			try {
				operation.apply(id);
				changed++;
			}
			catch (DomainException ex) {
				refused.add(new AbstractMap.SimpleEntry<>(id, ex.code()));
			}
		}
		return "redirect:" + BulkOutcome.of(action, changed, refused).appendTo(back);
	}

	@FunctionalInterface
	private interface Operation {

		void apply(UUID id);
	}
}
