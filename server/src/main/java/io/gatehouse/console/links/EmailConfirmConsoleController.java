package io.gatehouse.console.links;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.EmailAddresses;
import io.gatehouse.users.User;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link of a verification or email-change mail. Opening it only shows a button: mail scanners fetch links on
 * their own, and a GET must not use up the link or change an address; the person's click does.
 */
@Controller
class EmailConfirmConsoleController {

	static final String PATH = "/console/email/confirm";

	private final EmailAddresses emails;

	EmailConfirmConsoleController(EmailAddresses emails) {
		this.emails = emails;
	}

	@GetMapping(PATH)
	String form(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
		LinkPages.noStore(response);
		model.addAttribute("token", token);
		return "console/links/confirm-email";
	}

	@PostMapping(PATH)
	String confirm(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		LinkPages.noStore(response);
		try {
			User user = emails.confirm(Actor.anonymous(request.getRemoteAddr()), token);
			model.addAttribute("confirmed", user.email());
		}
		catch (DomainException ex) {
			if (ex.kind() != DomainException.Kind.INVALID && ex.kind() != DomainException.Kind.CONFLICT) {
				throw ex;
			}
			model.addAttribute("linkError", ex.getMessage());
		}
		return "console/links/confirm-email";
	}
}
