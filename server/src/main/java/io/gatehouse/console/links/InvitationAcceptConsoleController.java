package io.gatehouse.console.links;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
 * The invitation mail's link: the invited person chooses a password under the policy, and signs in. A
 * refused password leaves the link usable (nothing is used up until the account is active).
 */
@Controller
class InvitationAcceptConsoleController {

	static final String PATH = "/console/invitations/accept";

	private static final ChoosePasswordPage PAGE = new ChoosePasswordPage("console/links/accept-invitation",
			"must match the password", "invitation-accepted");

	private final Invitations invitations;

	private final PasswordPolicy policy;

	InvitationAcceptConsoleController(Invitations invitations, PasswordPolicy policy) {
		this.invitations = invitations;
		this.policy = policy;
	}

	@GetMapping(PATH)
	String form(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
		describe(token, model);
		return PAGE.show(token, policy, response, model);
	}

	@PostMapping(PATH)
	String accept(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmPassword, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		describe(token, model);
		return PAGE.submit(token, password, confirmPassword,
				chosen -> invitations.accept(Actor.anonymous(request.getRemoteAddr()), token, chosen), policy, response,
				model);
	}

	/**
	 * Which account the invitation is for and who sent it, so the person knows what they accept; a link that no
	 * longer works says so at once instead of after a password was chosen. Reading it uses nothing up.
	 */
	private void describe(String token, Model model) {
		try {
			model.addAttribute("invitation", invitations.preview(token));
		}
		catch (DomainException ex) {
			if (!LinkPages.isLinkRefusal(ex)) {
				throw ex;
			}
			model.addAttribute("linkError", ex.getMessage());
		}
	}
}
