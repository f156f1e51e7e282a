package io.gatehouse.console.links;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.console.FormFlow;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.EmailAddresses;
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
		return FormFlow.submit(() -> emails.confirm(Actor.anonymous(request.getRemoteAddr()), token))
			.showing(ex -> ex.kind() == DomainException.Kind.INVALID || ex.kind() == DomainException.Kind.CONFLICT)
			.refused((errors, ex) -> {
				model.addAttribute("linkError", ex.getMessage());
				return "console/links/confirm-email";
			})
			.done(user -> {
				model.addAttribute("confirmed", user.email());
				return "console/links/confirm-email";
			});
	}
}
