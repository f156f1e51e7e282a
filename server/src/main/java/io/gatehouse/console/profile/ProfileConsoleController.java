package io.gatehouse.console.profile;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.oidc.MyConsents;
import io.gatehouse.shared.DomainException;
import io.gatehouse.tokens.IssuedToken;
import io.gatehouse.tokens.TokenManagement;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Profile settings: the signed-in user's own account and personal access tokens (created with a
 * name and expiry, shown once, revoked, or all reset), open to everyone whatever their permissions. The account's
 * own settings are {@link ProfileSettingsConsoleController}'s; MFA and sessions join here (issue 5). Also the
 * consents given to third-party applications, withdrawn here.
 */
@Controller
class ProfileConsoleController {

	private final TokenManagement tokens;

	private final ProfilePage page;

	private final MyConsents consents;

	ProfileConsoleController(TokenManagement tokens, ProfilePage page, MyConsents consents) {
		this.tokens = tokens;
		this.consents = consents;
		this.page = page;
	}

	@GetMapping("/console/profile")
	String profile(ConsoleUser me, Model model) {
		return page(me, FormErrors.NONE, model);
	}

	/** The secret is in this one response only: never stored in clear, never cached. */
	@PostMapping("/console/profile/tokens")
	String create(ConsoleUser me, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String expiresOn,
			@RequestParam(required = false) java.util.List<String> permissions,
			@RequestParam(defaultValue = "") String resource, HttpServletResponse response, Model model) {
		java.util.List<String> scopes = permissions == null ? java.util.List.of() : permissions;
		return FormFlow.submit(() -> tokens.create(me.actor(), name, me.expiryAtEndOf(expiresOn), false, scopes,
				resourceId(resource)))
			.showing(FormFlow.INVALID_INPUT)
			.refused(errors -> {
				model.addAttribute("tokenName", name);
				model.addAttribute("tokenPermissions", scopes);
				model.addAttribute("tokenResource", resource);
				return page(me, errors, model);
			})
			.done(issued -> shown(me, issued, response, model));
	}

	/** Reset API token: every token of the user revoked, one new one issued. */
	@PostMapping("/console/profile/tokens/reset")
	String reset(ConsoleUser me, HttpServletResponse response, Model model) {
		return shown(me, tokens.reset(me.actor()), response, model);
	}

	@PostMapping("/console/profile/tokens/{id}/revoke")
	String revoke(ConsoleUser me, @PathVariable UUID id) {
		tokens.revokeOwn(me.actor(), id);
		return ConsoleRedirects.withNotice("/console/profile", "token-revoked");
	}

	/** Withdraws the consent to a third-party application, which also signs that application out. */
	@PostMapping("/console/profile/consents/{clientId}/withdraw")
	String withdraw(ConsoleUser me, @PathVariable String clientId) {
		consents.withdrawOwn(me.actor(), clientId);
		return ConsoleRedirects.withNotice("/console/profile", "consent-withdrawn");
	}

	private String shown(ConsoleUser me, IssuedToken issued, HttpServletResponse response, Model model) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("issued", issued);
		return page(me, FormErrors.NONE, model);
	}

	private String page(ConsoleUser me, FormErrors errors, Model model) {
		model.addAttribute("errors", errors);
		return page.render(me, model);
	}

	/** The subtree a token is limited to, as the form's select sends it; empty for anywhere. */
	private static UUID resourceId(String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalidField("resource", "uuid", "must be one of the listed resources");
		}
	}
}
