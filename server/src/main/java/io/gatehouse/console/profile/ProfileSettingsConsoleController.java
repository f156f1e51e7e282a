package io.gatehouse.console.profile;

import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.shared.Change;
import io.gatehouse.users.EmailAddresses;
import io.gatehouse.users.UserManagement;
import io.gatehouse.users.UserPasswords;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Profile settings, by the user themself: screen name and time zone, the email address (changed only
 * once a link mailed to the new address is used; the old one is told), and their own password.
 */
@Controller
class ProfileSettingsConsoleController {

	private final UserManagement management;

	private final EmailAddresses emails;

	private final UserPasswords passwords;

	private final ProfilePage page;

	ProfileSettingsConsoleController(UserManagement management, EmailAddresses emails, UserPasswords passwords,
			ProfilePage page) {
		this.management = management;
		this.emails = emails;
		this.passwords = passwords;
		this.page = page;
	}

	@PostMapping("/console/profile")
	String save(ConsoleUser me, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String timeZone, @RequestParam(required = false) Long version,
			Model model) {
		return FormFlow.submit(() -> management.updateOwn(me.actor(), Change.to(displayName), Change.to(timeZone), version))
			.onConcurrentChange(
					"Your profile was changed meanwhile (in another tab?). This is what is stored now; make your change again.",
					errors -> render(me, "profileErrors", errors, model))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> {
				model.addAttribute("sentDisplayName", displayName);
				return render(me, "profileErrors", errors, model);
			})
			.redirect("/console/profile", "profile-saved");
	}

	/** Nothing changes yet: the link mailed to the new address does it, so a typo cannot lock anyone out. */
	@PostMapping("/console/profile/email")
	String changeEmail(ConsoleUser me, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String currentPassword, Model model) {
		return FormFlow.submit(() -> emails.startChange(me.actor(), email, currentPassword))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> {
				model.addAttribute("newEmail", email);
				return render(me, "emailErrors", errors, model);
			})
			.done(() -> {
				model.addAttribute("emailChangeSentTo", email.strip());
				return page.render(me, model);
			});
	}

	@PostMapping("/console/profile/email/verification")
	String resendVerification(ConsoleUser me) {
		emails.resendVerification(me.actor());
		return ConsoleRedirects.withNotice("/console/profile", "verification-sent");
	}

	@PostMapping("/console/profile/password")
	String changePassword(ConsoleUser me, @RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, Model model) {
		if (!newPassword.isEmpty() && !newPassword.equals(confirmPassword)) {
			return render(me, "passwordErrors", FormErrors.field("confirmPassword", "must match the new password"), model);
		}
		return FormFlow.submit(() -> passwords.changeOwn(me.actor(), currentPassword, newPassword))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> render(me, "passwordErrors", errors, model))
			.redirect("/console/profile", "password-changed");
	}

	/** The page with one of its forms' errors; {@link ProfilePage} gives the others none. */
	private String render(ConsoleUser me, String form, FormErrors errors, Model model) {
		model.addAttribute(form, errors);
		return page.render(me, model);
	}
}
