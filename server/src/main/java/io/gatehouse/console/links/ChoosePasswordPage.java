package io.gatehouse.console.links;

import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.passwords.PasswordPolicy;
import io.gatehouse.shared.DomainException;
import org.springframework.ui.Model;

/**
 * A mailed link's page where a password is chosen (an invitation, a reset): the policy shown, the confirmation
 * checked, each broken rule on its own line, and a refused link told apart from a refused password.
 *
 * @param view the template
 * @param mismatch what the confirmation field says when it differs
 * @param done the sign-in page's notice once the password is set
 */
record ChoosePasswordPage(String view, String mismatch, String done) {

	/** What the link does with the chosen password; refuses with a {@link DomainException}. */
	interface Use {

		void with(String password);

	}

	String show(String token, PasswordPolicy policy, HttpServletResponse response, Model model) {
		return page(token, policy, FormErrors.NONE, null, response, model);
	}

	String submit(String token, String password, String confirmPassword, Use use, PasswordPolicy policy,
			HttpServletResponse response, Model model) {
		if (!password.isEmpty() && !password.equals(confirmPassword)) {
			return page(token, policy, FormErrors.field("confirmPassword", mismatch), null, response, model);
		}
		return FormFlow.submit(() -> use.with(password))
			.showing(FormFlow.INVALID_INPUT)
			.refused((errors, ex) -> {
				if (LinkPages.isLinkRefusal(ex)) {
					model.addAttribute("linkError", ex.getMessage());
				}
				return page(token, policy, errors, ex, response, model);
			})
			.redirect("/console/sign-in", done);
	}

	private String page(String token, PasswordPolicy policy, FormErrors errors, DomainException ex,
			HttpServletResponse response, Model model) {
		LinkPages.noStore(response);
		model.addAttribute("token", token);
		model.addAttribute("policy", policy.describe());
		LinkPages.errors(model, errors, ex, "password");
		return view;
	}
}
