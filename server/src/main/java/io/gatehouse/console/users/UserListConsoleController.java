package io.gatehouse.console.users;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.RoleLabels;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.settings.EffectiveSettings;
import io.gatehouse.users.SignInMode;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDirectory;
import io.gatehouse.users.UserPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Settings → Users: the list with its Role column, search as you type, filters by status, group and role, sortable
 * columns and keyset paging, read through {@link UserDirectory#search} like {@code GET /api/v1/users}.
 */
@Controller
class UserListConsoleController {

	private final UserDirectory directory;

	private final RoleLabels roleLabels;

	private final AssignmentOptions options;

	private final AccessControl access;

	private final EffectiveSettings settings;

	UserListConsoleController(UserDirectory directory, RoleLabels roleLabels, AssignmentOptions options,
			AccessControl access, EffectiveSettings settings) {
		this.settings = settings;
		this.directory = directory;
		this.roleLabels = roleLabels;
		this.options = options;
		this.access = access;
	}

	@GetMapping("/console/users")
	String list(ConsoleUser me, @ModelAttribute("query") UserListQuery query, HttpServletRequest request,
			Model model) {
		UserPage page = directory.search(me.actor(), query.search());
		Map<UUID, List<String>> roles = roleLabels.of(page.items().stream().map(User::id).toList());
		model.addAttribute("rows",
				page.items().stream().map(user -> new UserRow(user, roles.getOrDefault(user.id(), List.of()))).toList());
		model.addAttribute("nextLink", page.nextCursor() == null ? null : query.nextLink(page.nextCursor()));
		model.addAttribute("previousLink", query.hasPrevious() ? query.previousLink() : null);
		// the search box and filters ask for the results only; a full load, a bookmark or no script get the page
		if ("user-results".equals(request.getHeader("HX-Target"))) {
			return "console/users/list :: results";
		}
		model.addAttribute("groups", options.groups(me.actor()));
		model.addAttribute("roles", options.filterRoles(me.actor()));
		// under external sign-in accounts come from the identity provider: no local account is offered here
		model.addAttribute("canCreate", access.allows(me.actor(), Permissions.USERS_CREATE)
				&& settings.signInMode() == SignInMode.LOCAL);
		return "console/users/list";
	}
}
