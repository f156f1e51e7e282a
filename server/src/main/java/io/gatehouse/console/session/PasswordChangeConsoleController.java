package io.gatehouse.console.session;

import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.passwords.PasswordPolicy;
import io.gatehouse.users.UserPasswords;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Changing one's own password: forced after signing in with a temporary password, and open to everyone
 * at any time. The session in use stays; every other session of the user ends.
 */
@Controller
class PasswordChangeConsoleController {

	private final UserPasswords passwords;

	private final PasswordPolicy policy;

	PasswordChangeConsoleController(UserPasswords passwords, PasswordPolicy policy) {
		this.passwords = passwords;
		this.policy = policy;
	}

	@GetMapping("/console/password-change")
	String form(ConsoleUser me, Model model) {
		return page(me, model, FormErrors.NONE);
	}

	@PostMapping("/console/password-change")
	String change(ConsoleUser me, @RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, Model model) {
		if (!newPassword.isEmpty() && !newPassword.equals(confirmPassword)) {
			return page(me, model, FormErrors.field("confirmPassword", "must match the new password"));
		}
		// forced: the session was started with the temporary password moments ago, so it is not asked again
		boolean forced = me.user().mustChangePassword();
		return FormFlow.submit(() -> {
			if (forced) {
				passwords.changeForced(me.actor(), newPassword);
			}
			else {
				passwords.changeOwn(me.actor(), currentPassword, newPassword);
			}
		})
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> page(me, model, errors))
			.redirect("/console", "password-changed");
	}

	private String page(ConsoleUser me, Model model, FormErrors errors) {
		model.addAttribute("forced", me.user().mustChangePassword());
		// nothing else opens until the password is changed: a menu would lead only back here
		model.addAttribute("menu", !me.user().mustChangePassword());
		model.addAttribute("policy", policy.describe());
		model.addAttribute("errors", errors);
		return "console/session/password-change";
	}
}
