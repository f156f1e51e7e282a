package io.gatehouse.console.sso;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.console.users.AssignmentOptions;
import io.gatehouse.settings.SettingCodes;
import io.gatehouse.settings.SettingsManagement;
import io.gatehouse.settings.SettingsView;
import io.gatehouse.shared.DomainException;
import io.gatehouse.sso.IdentityProvider;
import io.gatehouse.sso.IdentityProviders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Settings → Sign-in: the identity providers (OIDC and SAML) and the sign-in mode, through
 * {@link IdentityProviders} and {@link SettingsManagement}, so the same permissions and grant checks as the API's.
 */
@Controller
class SignInSettingsConsoleController {

	static final String PAGE = "/console/settings/sign-in";

	private final IdentityProviders providers;

	private final SettingsManagement settings;

	private final AssignmentOptions options;

	private final AccessControl access;

	SignInSettingsConsoleController(IdentityProviders providers, SettingsManagement settings,
			AssignmentOptions options, AccessControl access) {
		this.providers = providers;
		this.settings = settings;
		this.options = options;
		this.access = access;
	}

	@GetMapping(PAGE)
	String list(ConsoleUser me, Model model) {
		return listPage(me, FormErrors.NONE, model);
	}

	@PostMapping(PAGE + "/mode")
	String mode(ConsoleUser me, @RequestParam String signInMode, @RequestParam(required = false) Long version,
			Model model) {
		return FormFlow.submit(() -> settings.update(me.actor(), Map.of(SettingCodes.SIGN_IN_MODE, signInMode), version))
			.onConcurrentChange("Someone else changed the settings meanwhile. These are the settings now.",
					errors -> listPage(me, errors, model))
			.refused(errors -> listPage(me, errors, model))
			.redirect(PAGE, "settings-saved");
	}

	@GetMapping(PAGE + "/new")
	String newProvider(ConsoleUser me, @RequestParam(defaultValue = "oidc") String protocol, Model model) {
		providers.list(me.actor());
		return form(me, null, ProviderForm.blank(protocol), FormErrors.NONE, model);
	}

	@PostMapping(PAGE + "/new")
	String create(ConsoleUser me, @ModelAttribute ProviderForm form, Model model) {
		return FormFlow.submit(() -> providers.create(me.actor(), form.draft(null)))
			.showing(ex -> ex.kind() != DomainException.Kind.NOT_FOUND)
			.refused(errors -> form(me, null, form, errors, model))
			.done(made -> ConsoleRedirects.withNotice(PAGE, "provider-saved"));
	}

	@GetMapping(PAGE + "/{id}")
	String edit(ConsoleUser me, @PathVariable UUID id, Model model) {
		IdentityProvider provider = providers.get(me.actor(), id);
		return form(me, provider, ProviderForm.of(provider), FormErrors.NONE, model);
	}

	@PostMapping(PAGE + "/{id}")
	String update(ConsoleUser me, @PathVariable UUID id, @ModelAttribute ProviderForm form, Model model) {
		IdentityProvider current = providers.get(me.actor(), id);
		return FormFlow.submit(() -> providers.update(me.actor(), id, form.draft(current), form.version()))
			.onConcurrentChange("Someone else changed this provider while you were editing. This is it now; make "
					+ "your changes again.", errors -> form(me, current, ProviderForm.of(current), errors, model))
			.showing(ex -> ex.kind() != DomainException.Kind.NOT_FOUND)
			.refused(errors -> form(me, current, form, errors, model))
			.done(saved -> ConsoleRedirects.withNotice(PAGE, "provider-saved"));
	}

	@PostMapping(PAGE + "/{id}/enable")
	String enable(ConsoleUser me, @PathVariable UUID id) {
		providers.setEnabled(me.actor(), id, true);
		return ConsoleRedirects.withNotice(PAGE, "provider-enabled");
	}

	@PostMapping(PAGE + "/{id}/disable")
	String disable(ConsoleUser me, @PathVariable UUID id) {
		providers.setEnabled(me.actor(), id, false);
		return ConsoleRedirects.withNotice(PAGE, "provider-disabled");
	}

	@PostMapping(PAGE + "/{id}/delete")
	String delete(ConsoleUser me, @PathVariable UUID id, Model model) {
		return FormFlow.submit(() -> providers.delete(me.actor(), id))
			.showing(ex -> ex.kind() != DomainException.Kind.NOT_FOUND)
			.refused(errors -> listPage(me, errors, model))
			.redirect(PAGE, "provider-deleted");
	}

	/** Reads the provider's metadata now; the page says what a sign-in would use, or why it could not. */
	@PostMapping(PAGE + "/{id}/test")
	String test(ConsoleUser me, @PathVariable UUID id, Model model) {
		return FormFlow.submit(() -> providers.test(me.actor(), id))
			.showing(ex -> ex.kind() != DomainException.Kind.NOT_FOUND)
			.refused(errors -> listPage(me, errors, model))
			.done(result -> {
				model.addAttribute("tested", id);
				model.addAttribute("testResult", result);
				return listPage(me, FormErrors.NONE, model);
			});
	}

	private String listPage(ConsoleUser me, FormErrors errors, Model model) {
		List<IdentityProvider> list = providers.list(me.actor());
		SettingsView view = settings.get(me.actor());
		model.addAttribute("providers", list);
		model.addAttribute("signInMode", view.values().get(SettingCodes.SIGN_IN_MODE));
		model.addAttribute("settingsVersion", view.version());
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
		model.addAttribute("canUpdate", access.allows(me.actor(), Permissions.SETTINGS_UPDATE));
		model.addAttribute("errors", errors);
		return "console/sso/list";
	}

	private String form(ConsoleUser me, IdentityProvider current, ProviderForm form, FormErrors errors, Model model) {
		model.addAttribute("provider", current);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("groups", options.groups(me.actor()));
		model.addAttribute("roles", options.roles(me.actor()));
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
		model.addAttribute("canUpdate", access.allows(me.actor(), Permissions.SETTINGS_UPDATE));
		return "console/sso/form";
	}
}
