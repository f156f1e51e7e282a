package io.gatehouse.console.session;

import io.gatehouse.sso.IdentityProviders;
import io.gatehouse.users.AccountRuleSettings;
import io.gatehouse.users.SignInMode;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the sign-in page offers: "Sign in with …" for every enabled provider, and the password form unless people
 * sign in only through a provider, where it is still one link away for a local System Administrator (break-glass).
 */
@Component
class SignInOptions {

	private final IdentityProviders providers;

	private final AccountRuleSettings settings;

	SignInOptions(IdentityProviders providers, AccountRuleSettings settings) {
		this.providers = providers;
		this.settings = settings;
	}

	void addTo(Model model, boolean breakGlass) {
		boolean ssoOnly = settings.signInMode() == SignInMode.EXTERNAL;
		model.addAttribute("providers", providers.signInOptions());
		model.addAttribute("passwordForm", !ssoOnly || breakGlass);
		model.addAttribute("ssoOnly", ssoOnly);
	}
}
