package io.gatehouse.console.profile;

import java.time.ZoneId;
import java.util.List;

import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.oidc.MyConsents;
import io.gatehouse.passwords.PasswordPolicy;
import io.gatehouse.tokens.TokenManagement;
import io.gatehouse.users.LocalPasswords;
import io.gatehouse.users.UserDirectory;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the profile settings page, whichever of its forms was sent: each form keeps its own errors, the others
 * show none.
 */
@Component
class ProfilePage {

	static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

	private static final List<String> FORMS = List.of("errors", "profileErrors", "emailErrors", "passwordErrors");

	private final UserDirectory directory;

	private final TokenManagement tokens;

	private final PasswordPolicy policy;

	private final TokenScopeOptions scopes;

	private final MyConsents consents;

	private final LocalPasswords localPasswords;

	ProfilePage(UserDirectory directory, TokenManagement tokens, PasswordPolicy policy, TokenScopeOptions scopes,
			MyConsents consents, LocalPasswords localPasswords) {
		this.consents = consents;
		this.localPasswords = localPasswords;
		this.scopes = scopes;
		this.directory = directory;
		this.tokens = tokens;
		this.policy = policy;
	}

	String render(ConsoleUser me, Model model) {
		model.addAttribute("account", directory.me(me.actor()));
		model.addAttribute("tokens", tokens.listOwn(me.actor()));
		model.addAttribute("consents", consents.listOwn(me.actor()));
		model.addAttribute("zones", ZONES);
		model.addAttribute("scopeAreas", scopes.areas());
		model.addAttribute("scopeResources", scopes.resources(me));
		model.addAttribute("policy", policy.describe());
		model.addAttribute("localPassword", localPasswords.allowedFor(me.user().id()));
		for (String form : FORMS) {
			if (!model.containsAttribute(form)) {
				model.addAttribute(form, FormErrors.NONE);
			}
		}
		return "console/profile/show";
	}
}
