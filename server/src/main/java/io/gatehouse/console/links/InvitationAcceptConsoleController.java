package io.gatehouse.console.links;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.console.FormErrors;
import io.gatehouse.passwords.PasswordPolicy;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.Invitations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The invitation mail's link (seed 004): the invited person chooses a password under the policy, and signs in. A
 * refused password leaves the link usable (nothing is used up until the account is active).
 */
@Controller
class InvitationAcceptConsoleController {

	static final String PATH = "/console/invitations/accept";

	private final Invitations invitations;

	private final PasswordPolicy policy;

	InvitationAcceptConsoleController(Invitations invitations, PasswordPolicy policy) {
		this.invitations = invitations;
		this.policy = policy;
	}

	@GetMapping(PATH)
	String form(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
		return page(token, FormErrors.NONE, null, response, model);
	}

	@PostMapping(PATH)
	String accept(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmPassword, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!password.isEmpty() && !password.equals(confirmPassword)) {
			return page(token, FormErrors.field("confirmPassword", "must match the password"), null, response, model);
		}
		try {
			invitations.accept(Actor.anonymous(request.getRemoteAddr()), token, password);
		}
		catch (DomainException ex) {
			if (ex.kind() != DomainException.Kind.INVALID) {
				throw ex;
			}
			if (LinkPages.isLinkRefusal(ex)) {
				model.addAttribute("linkError", ex.getMessage());
			}
			return page(token, FormErrors.of(ex), ex, response, model);
		}
		return "redirect:/console/sign-in?done=invitation-accepted";
	}

	private String page(String token, FormErrors errors, DomainException ex, HttpServletResponse response,
			Model model) {
		LinkPages.noStore(response);
		model.addAttribute("token", token);
		model.addAttribute("policy", policy.describe());
		LinkPages.errors(model, errors, ex, "password");
		return "console/links/accept-invitation";
	}
}
