package io.gatehouse.console.users;

import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.users.UserManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * + New User and the user form: created and saved through {@link UserManagement}, refused input shown
 * next to its field, the version the form was read at sent back so a concurrent change is not overwritten.
 */
@Controller
class UserFormConsoleController {

	private final UserManagement management;

	private final UserPages pages;

	private final AccessControl access;

	UserFormConsoleController(UserManagement management, UserPages pages, AccessControl access) {
		this.management = management;
		this.pages = pages;
		this.access = access;
	}

	@GetMapping("/console/users/new")
	String newUser(ConsoleUser me, Model model) {
		// the form is a dead end for someone who may not create users: say so before they fill it in
		access.require(me.actor(), Permissions.USERS_CREATE);
		return pages.newUser(me, UserForm.blank(me.zone().getId()), FormErrors.NONE, model);
	}

	@PostMapping("/console/users")
	String create(ConsoleUser me, @ModelAttribute UserForm form, Model model) {
		return FormFlow.submit(() -> management.create(me.actor(), form.create()))
			.refused(errors -> pages.newUser(me, withoutPassword(form), errors, model))
			.done(user -> ConsoleRedirects.withNotice("/console/users/" + user.id(), "created"));
	}

	@GetMapping("/console/users/{id}")
	String show(ConsoleUser me, @PathVariable UUID id,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String reset, Model model) {
		// the users list's "Reset password" row action opens the page with its dialog open
		model.addAttribute("resetOpen", reset != null);
		return pages.userPage(me, id, null, FormErrors.NONE, model);
	}

	@PostMapping("/console/users/{id}")
	String update(ConsoleUser me, @PathVariable UUID id, @ModelAttribute UserForm form, Model model) {
		// the fields and the Is Active switch are saved together or not at all
		return FormFlow.submit(() -> management.update(me.actor(), id, form.update()))
			// someone saved the user meanwhile: show what is stored now, and say so
			.onConcurrentChange(
					"Someone else changed this user while you were editing. This is what is stored now; make your changes again.",
					errors -> pages.userPage(me, id, null, errors, model))
			.refused(errors -> pages.userPage(me, id, form, errors, model))
			.redirect("/console/users/" + id, "saved");
	}

	/** A refused form never sends a password back into the page. */
	private static UserForm withoutPassword(UserForm form) {
		return new UserForm(form.username(), form.email(), form.firstName(), form.lastName(), form.department(),
				form.timeZone(), null, form.active(), form.activeShown(), form.bindings(), form.groups(),
				form.rolesShown(), form.groupsShown(), form.version(), form.restrictionResourceId());
	}
}
