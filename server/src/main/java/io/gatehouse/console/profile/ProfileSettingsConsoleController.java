package io.gatehouse.console.profile;

import java.util.Map;

import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.shared.Change;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.EmailAddresses;
import io.gatehouse.users.UserManagement;
import io.gatehouse.users.UserPasswords;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Seed 003's profile settings, by the user themself: screen name and time zone, the email address (changed only
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
		try {
			management.updateOwn(me.actor(), Change.to(displayName), Change.to(timeZone), version);
		}
		catch (DomainException ex) {
			if (ex.kind() == DomainException.Kind.PRECONDITION_FAILED) {
				model.addAttribute("profileErrors", new FormErrors(
						"Your profile was changed meanwhile (in another tab?). This is what is stored now; make your change again.",
						Map.of()));
				return page.render(me, model);
			}
			if (ex.kind() != DomainException.Kind.INVALID) {
				throw ex;
			}
			model.addAttribute("profileErrors", FormErrors.of(ex));
			model.addAttribute("sentDisplayName", displayName);
			return page.render(me, model);
		}
		return "redirect:/console/profile?done=profile-saved";
	}

	/** Nothing changes yet: the link mailed to the new address does it, so a typo cannot lock anyone out. */
	@PostMapping("/console/profile/email")
	String changeEmail(ConsoleUser me, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String currentPassword, Model model) {
		try {
			emails.startChange(me.actor(), email, currentPassword);
		}
		catch (DomainException ex) {
			if (ex.kind() != DomainException.Kind.INVALID) {
				throw ex;
			}
			model.addAttribute("emailErrors", FormErrors.of(ex));
			model.addAttribute("newEmail", email);
			return page.render(me, model);
		}
		model.addAttribute("emailChangeSentTo", email.strip());
		return page.render(me, model);
	}

	@PostMapping("/console/profile/email/verification")
	String resendVerification(ConsoleUser me) {
		emails.resendVerification(me.actor());
		return "redirect:/console/profile?done=verification-sent";
	}

	@PostMapping("/console/profile/password")
	String changePassword(ConsoleUser me, @RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, Model model) {
		if (!newPassword.isEmpty() && !newPassword.equals(confirmPassword)) {
			model.addAttribute("passwordErrors", FormErrors.field("confirmPassword", "must match the new password"));
			return page.render(me, model);
		}
		try {
			passwords.changeOwn(me.actor(), currentPassword, newPassword);
		}
		catch (DomainException ex) {
			if (ex.kind() != DomainException.Kind.INVALID) {
				throw ex;
			}
			model.addAttribute("passwordErrors", FormErrors.of(ex));
			return page.render(me, model);
		}
		return "redirect:/console/profile?done=password-changed";
	}
}
