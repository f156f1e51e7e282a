package io.gatehouse.console.groups;

import java.util.List;
import java.util.UUID;

import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.groups.GroupManagement;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDirectory;
import io.gatehouse.users.UserSearch;
import io.gatehouse.users.UserSort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A group's members: added by username or email, removed one by one. */
@Controller
class GroupMembersConsoleController {

	private final GroupManagement groups;

	private final UserDirectory directory;

	private final GroupPages pages;

	GroupMembersConsoleController(GroupManagement groups, UserDirectory directory, GroupPages pages) {
		this.groups = groups;
		this.directory = directory;
		this.pages = pages;
	}

	@PostMapping("/console/groups/{id}/members")
	String add(ConsoleUser me, @PathVariable UUID id, @RequestParam(defaultValue = "") String login, Model model) {
		return FormFlow.submit(() -> groups.addMember(me.actor(), id, find(me, login.strip()).id()))
			.errors(ex -> ex.violations().isEmpty()
					? FormErrors.summary(ex.getMessage()) : FormErrors.field("login", "is not a known user"))
			.refused(errors -> pages.memberRefused(me, id, login, errors, model))
			.redirect("/console/groups/" + id + "#members", "member-added");
	}

	/**
	 * Up to ten users whose username or email starts with what was typed, as the options of the add-member field's
	 * list of suggestions. Only for a caller who may read users: the same search as the users list.
	 */
	@GetMapping("/console/groups/member-suggestions")
	String suggestions(ConsoleUser me, @RequestParam(defaultValue = "") String login, Model model) {
		String typed = login.strip();
		List<User> found = typed.isEmpty() || typed.length() > 254 || typed.chars().anyMatch(Character::isISOControl)
				? List.of()
				: directory.search(me.actor(), new UserSearch(typed, null, null, UserSort.DEFAULT, 10, null, null, null))
					.items();
		model.addAttribute("suggestions", found);
		return "console/groups/member-suggestions";
	}

	@PostMapping("/console/groups/{id}/members/{userId}/remove")
	String remove(ConsoleUser me, @PathVariable UUID id, @PathVariable UUID userId) {
		groups.removeMember(me.actor(), id, userId);
		return ConsoleRedirects.withNotice("/console/groups/" + id + "#members", "member-removed");
	}

	/** The user whose username or email is exactly this, through the same search as the users list. */
	private User find(ConsoleUser me, String login) {
		// no account has a control character in its name or address (and PostgreSQL refuses a NUL in a query)
		if (!login.isEmpty() && login.chars().noneMatch(Character::isISOControl)) {
			for (User user : directory.search(me.actor(),
					new UserSearch(login, null, null, UserSort.DEFAULT, 20, null, null, null)).items()) {
				if (user.username().equalsIgnoreCase(login) || user.email().equalsIgnoreCase(login)) {
					return user;
				}
			}
		}
		throw DomainException.invalidField("login", "exists", "is not a known user");
	}
}
