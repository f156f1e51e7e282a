package io.gatehouse.console.links;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.passwords.PasswordPolicy;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.PasswordResets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Forgotten passwords: ask for a link by email, then choose a
 * new password with it. The request answers the same for every address, so the form cannot tell who has an account.
 */
@Controller
class PasswordResetConsoleController {

	static final String FORGOT = "/console/forgot-password";

	static final String RESET = "/console/password-reset";

	private static final ChoosePasswordPage PAGE = new ChoosePasswordPage("console/links/reset-password",
			"must match the new password", "password-reset");

	private final PasswordResets resets;

	private final PasswordPolicy policy;

	PasswordResetConsoleController(PasswordResets resets, PasswordPolicy policy) {
		this.resets = resets;
		this.policy = policy;
	}

	@GetMapping(FORGOT)
	String forgot(Model model) {
		return forgotPage(FormErrors.NONE, model);
	}

	@PostMapping(FORGOT)
	String request(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
		model.addAttribute("email", email);
		return FormFlow.submit(() -> resets.request(Actor.anonymous(request.getRemoteAddr()), email))
			.on(DomainException.Kind.TOO_MANY_REQUESTS,
					"Too many password-reset requests were made for this address or from your network. Wait an hour, then try again; a link already sent still works.",
					errors -> forgotPage(errors, model))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> forgotPage(errors, model))
			.done(() -> {
				model.addAttribute("sent", true);
				return forgotPage(FormErrors.NONE, model);
			});
	}

	private static String forgotPage(FormErrors errors, Model model) {
		model.addAttribute("errors", errors);
		return "console/links/forgot-password";
	}

	@GetMapping(RESET)
	String form(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
		return PAGE.show(token, policy, response, model);
	}

	@PostMapping(RESET)
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmPassword, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return PAGE.submit(token, password, confirmPassword,
				chosen -> resets.complete(Actor.anonymous(request.getRemoteAddr()), token, chosen), policy, response,
				model);
	}
}
