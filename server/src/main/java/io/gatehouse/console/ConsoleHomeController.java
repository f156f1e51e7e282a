package io.gatehouse.console;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The console's entry: the users list for those who may read it, their own profile for everyone else. */
@Controller
class ConsoleHomeController {

	private final AccessControl access;

	ConsoleHomeController(AccessControl access) {
		this.access = access;
	}

	@GetMapping("/console")
	String home(ConsoleUser me, @RequestParam(required = false) String done) {
		String target = access.allows(me.actor(), Permissions.USERS_READ) ? "/console/users" : "/console/profile";
		return "redirect:" + (done == null ? target : target + "?done=" + ConsoleNotices.code(done));
	}

	/** The instance requires a second factor this user has not enrolled: the enrolment is on the profile. */
	@GetMapping("/console/mfa-required")
	String mfaRequired() {
		return "redirect:" + ConsoleRestrictions.MFA_ENROLMENT;
	}

	/**
	 * Any other console address: a page of the console saying so, rather than the API's JSON. The most general
	 * mapping, so every real page wins over it; the stylesheet and script live outside {@code /console} for that.
	 */
	@RequestMapping("/console/**")
	String unknown() {
		throw DomainException.notFound("page-not-found", "There is no such page in the console.");
	}

	/** Where a form post with a missing or stale CSRF token lands (see {@link ConsoleSecurityConfiguration}). */
	@RequestMapping("/console/csrf-refused")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String csrfRefused(Model model) {
		model.addAttribute("errorTitle", "Form expired");
		model.addAttribute("message", "This form was opened before you signed in again or it expired. Reload the page and try again.");
		return "console/error";
	}
}
