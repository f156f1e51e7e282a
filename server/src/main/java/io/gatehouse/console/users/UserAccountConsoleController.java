package io.gatehouse.console.users;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.users.User;
import io.gatehouse.users.UserDeletion;
import io.gatehouse.users.UserDirectory;
import io.gatehouse.users.UserManagement;
import io.gatehouse.users.UserPasswords;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What an administrator does to an account besides editing it: Reset Password, Generate temporary
 * password, deactivate and reactivate, delete, and the Recent Activity
 * tab.
 */
@Controller
class UserAccountConsoleController {

	private final UserDirectory directory;

	private final UserManagement management;

	private final UserPasswords passwords;

	private final UserPages pages;

	private final UserDeletion deletion;

	UserAccountConsoleController(UserDirectory directory, UserManagement management, UserPasswords passwords,
			UserPages pages, UserDeletion deletion) {
		this.directory = directory;
		this.management = management;
		this.passwords = passwords;
		this.pages = pages;
		this.deletion = deletion;
	}

	/**
	 * The Reset Password dialog posts here. From the open dialog (htmx) a refusal comes back as the dialog's form with
	 * the errors next to the fields; success reloads the user's page with a confirmation.
	 */
	@PostMapping("/console/users/{id}/password")
	String setPassword(ConsoleUser me, @PathVariable UUID id, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmPassword, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return FormFlow.submit(() -> passwords.set(me.actor(), id, password, confirmPassword))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> {
				model.addAttribute("resetErrors", errors);
				pages.frame(me, directory.get(me.actor(), id), "details", model);
				if (ConsoleRedirects.isHtmx(request)) {
					return "console/users/reset-password :: form";
				}
				model.addAttribute("resetOpen", true);
				return pages.userPage(me, id, null, FormErrors.NONE, model);
			})
			.done(() -> passwordSet(id, request, response));
	}

	private static String passwordSet(UUID id, HttpServletRequest request, HttpServletResponse response) {
		String target = "/console/users/" + id + "?done=password-set";
		if (ConsoleRedirects.isHtmx(request)) {
			response.setHeader("HX-Redirect", target);
			return "console/users/reset-password :: done";
		}
		return "redirect:" + target;
	}

	/** Shown once, never stored in clear, never cached: the user must replace it at their next sign-in. */
	@PostMapping("/console/users/{id}/temporary-password")
	String temporaryPassword(ConsoleUser me, @PathVariable UUID id, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String password = passwords.issueTemporary(me.actor(), id);
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("temporaryPassword", password);
		if (ConsoleRedirects.isHtmx(request)) {
			return "console/users/frame :: temporary-password";
		}
		return pages.userPage(me, id, null, FormErrors.NONE, model);
	}

	@PostMapping("/console/users/{id}/deactivate")
	String deactivate(ConsoleUser me, @PathVariable UUID id, @RequestParam(required = false) Long version) {
		management.deactivate(me.actor(), id, version);
		return ConsoleRedirects.withNotice("/console/users/" + id, "deactivated");
	}

	@PostMapping("/console/users/{id}/reactivate")
	String reactivate(ConsoleUser me, @PathVariable UUID id, @RequestParam(required = false) Long version) {
		management.reactivate(me.actor(), id, version);
		return ConsoleRedirects.withNotice("/console/users/" + id, "reactivated");
	}

	/**
	 * Delete for good, after the confirmation dialog. A user who owns resources is refused (ownership
	 * is transferred first): the page lists what they own.
	 */
	@PostMapping("/console/users/{id}/delete")
	String delete(ConsoleUser me, @PathVariable UUID id, Model model) {
		return FormFlow.submit(() -> deletion.delete(me.actor(), id))
			.showing(ex -> "user-owns-resources".equals(ex.code()))
			.refused((errors, ex) -> {
				model.addAttribute("ownedResources", ex.properties().get("resources"));
				return pages.userPage(me, id, null, FormErrors.NONE, model);
			})
			.redirect("/console/users", "user-deleted");
	}

	@GetMapping("/console/users/{id}/activity")
	String activity(ConsoleUser me, @PathVariable UUID id, Model model) {
		User user = directory.get(me.actor(), id);
		pages.frame(me, user, "activity", model);
		model.addAttribute("activity", directory.activity(me.actor(), id));
		return "console/users/activity";
	}
}
