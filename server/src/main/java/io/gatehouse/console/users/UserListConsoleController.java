package io.gatehouse.console.users;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AuthorizationMode;
import io.gatehouse.access.Permissions;
import io.gatehouse.access.RoleLabels;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.settings.EffectiveSettings;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.CountedUserPage;
import io.gatehouse.users.SignInMode;
import io.gatehouse.users.User;
import io.gatehouse.users.UserCount;
import io.gatehouse.users.UserDirectory;
import io.gatehouse.users.UserPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings → Users: the list with its Role and Groups columns, search as you type (the match marked), filters by
 * status, dormancy, group and role, sortable columns, a page size, keyset paging and a bounded total; row actions
 * and bulk actions. Read through {@link UserDirectory#search} like {@code GET /api/v1/users}.
 */
@Controller
class UserListConsoleController {

	private final UserDirectory directory;

	private final RoleLabels roleLabels;

	private final GroupManagement groups;

	private final AssignmentOptions options;

	private final AccessControl access;

	private final EffectiveSettings settings;

	UserListConsoleController(UserDirectory directory, RoleLabels roleLabels, GroupManagement groups,
			AssignmentOptions options, AccessControl access, EffectiveSettings settings) {
		this.settings = settings;
		this.directory = directory;
		this.roleLabels = roleLabels;
		this.groups = groups;
		this.options = options;
		this.access = access;
	}

	@GetMapping("/console/users")
	String list(ConsoleUser me, @ModelAttribute("query") UserListQuery query,
			@RequestParam(required = false) String bulk, @RequestParam(required = false) Integer changed,
			@RequestParam(required = false) String refused, @RequestParam(required = false) Integer unnamed,
			HttpServletRequest request, Model model) {
		CountedUserPage counted = directory.searchCounted(me.actor(), query.search());
		UserPage page = counted.page();
		List<UUID> ids = page.items().stream().map(User::id).toList();
		Map<UUID, List<String>> roles = roleLabels.of(ids);
		boolean groupsShown = options.canChooseGroups(me.actor());
		Map<UUID, List<String>> groupNames = groupsShown ? groups.groupNamesOf(me.actor(), ids) : Map.of();
		model.addAttribute("rows", page.items().stream()
			.map(user -> UserRow.of(user, roles.getOrDefault(user.id(), List.of()),
					groupNames.getOrDefault(user.id(), List.of()), query.q()))
			.toList());
		model.addAttribute("groupsShown", groupsShown);
		model.addAttribute("total", totalLabel(counted.count()));
		model.addAttribute("nextLink", page.nextCursor() == null ? null : query.nextLink(page.nextCursor()));
		model.addAttribute("previousLink", query.hasPrevious() ? query.previousLink() : null);
		model.addAttribute("selfLink", query.selfLink());
		boolean canUpdate = access.allows(me.actor(), Permissions.USERS_UPDATE);
		model.addAttribute("canUpdate", canUpdate);
		model.addAttribute("bulkRolesOffered", bulkRolesOffered(me));
		model.addAttribute("pageSizes", UserListQuery.PAGE_SIZES);
		model.addAttribute("dormantChoices", UserListQuery.DORMANT_DAYS);
		BulkOutcome outcome = BulkOutcome.parse(bulk, changed, refused, unnamed);
		if (outcome != null) {
			model.addAttribute("bulkReport", outcome.message(id -> username(me, id)));
			model.addAttribute("bulkRefused", outcome.anyRefused());
		}
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

	/** The roles the bulk bar can give or take, fetched when its box is first used (see the list's template). */
	@GetMapping("/console/users/bulk-roles")
	String bulkRoles(ConsoleUser me, Model model) {
		model.addAttribute("bulkRoles", bulkRolesOffered(me) ? options.rolesByResource(me.actor(), List.of()) : Map.of());
		return "console/users/list :: bulk-role-options";
	}

	private boolean bulkRolesOffered(ConsoleUser me) {
		return access.allows(me.actor(), Permissions.USERS_UPDATE)
				&& settings.authorizationMode() != AuthorizationMode.EXTERNAL;
	}

	private String username(ConsoleUser me, UUID id) {
		try {
			return directory.get(me.actor(), id).username();
		}
		catch (DomainException ex) {
			return "a user who no longer exists";
		}
	}

	/** "1 user", "42 users", "10,000+ users". */
	static String totalLabel(UserCount count) {
		String number = String.format(java.util.Locale.ROOT, "%,d", count.counted()) + (count.more() ? "+" : "");
		return number + (count.counted() == 1 && !count.more() ? " user" : " users");
	}
}
