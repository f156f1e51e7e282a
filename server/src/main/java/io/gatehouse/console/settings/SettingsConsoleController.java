package io.gatehouse.console.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.AuthorizationMode;
import io.gatehouse.access.BuiltInRoles;
import io.gatehouse.access.Permissions;
import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.mail.MailServer;
import io.gatehouse.shared.DomainException;
import io.gatehouse.mfa.MfaRequirement;
import io.gatehouse.passwords.PasswordPreset;
import io.gatehouse.provisioning.ScimClientManagement;
import io.gatehouse.roles.PermissionCatalog;
import io.gatehouse.roles.RoleSummary;
import io.gatehouse.settings.SettingCodes;
import io.gatehouse.settings.SettingsManagement;
import io.gatehouse.settings.SettingsView;
import io.gatehouse.users.AccountSettings;
import io.gatehouse.users.SignInMode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings (System Administrators): the instance settings with their values and defaults, read and saved through
 * {@link SettingsManagement}, so reading needs {@code settings:read} and saving {@code settings:update}.
 */
@Controller
class SettingsConsoleController {

	private static final SettingLabels LABELS = new SettingLabels();

	private final SettingsManagement settings;

	private final PermissionCatalog catalog;

	private final AccessControl access;

	private final MailServer mail;

	private final ScimClientManagement scimClients;

	SettingsConsoleController(SettingsManagement settings, PermissionCatalog catalog, AccessControl access,
			MailServer mail, ScimClientManagement scimClients) {
		this.scimClients = scimClients;
		this.settings = settings;
		this.catalog = catalog;
		this.access = access;
		this.mail = mail;
	}

	@GetMapping("/console/settings")
	String show(ConsoleUser me, Model model) {
		SettingsView view = settings.get(me.actor());
		return page(me, view, SettingsForm.of(view.values(), view.version()), FormErrors.NONE, model);
	}

	@PostMapping("/console/settings")
	String save(ConsoleUser me, @ModelAttribute SettingsForm form, Model model) {
		SettingsView current = settings.get(me.actor());
		return FormFlow.submit(() -> settings.update(me.actor(), form.changesFrom(current.values()), form.version()))
			.onConcurrentChange(
					"Someone else changed the settings while you were editing. These are the settings now; make your changes again.",
					errors -> page(me, current, SettingsForm.of(current.values(), current.version()), errors, model))
			.refused(errors -> page(me, current, form, errors, model))
			.redirect("/console/settings", "settings-saved");
	}

	/**
	 * One setting back to its configured default: the same {@code null} a PATCH of the API sends, so the setting
	 * follows the server's configuration again instead of being pinned to today's default.
	 */
	@PostMapping("/console/settings/reset")
	String reset(ConsoleUser me, @RequestParam String setting, @RequestParam(required = false) Long version,
			Model model) {
		SettingsView current = settings.get(me.actor());
		Map<String, String> change = new HashMap<>();
		change.put(setting, null);
		SettingsForm shown = SettingsForm.of(current.values(), current.version());
		return FormFlow.submit(() -> settings.update(me.actor(), change, version))
			.onConcurrentChange("Someone else changed the settings meanwhile. These are the settings now.",
					errors -> page(me, current, shown, errors, model))
			.refused(errors -> page(me, current, shown, errors, model))
			.redirect("/console/settings", "setting-reset");
	}

	/** A test mail to the signed-in administrator's own address, sent at once; the notice says what became of it. */
	@PostMapping("/console/settings/test-mail")
	String testMail(ConsoleUser me, Model model) {
		return FormFlow.submit(() -> mail.sendTest(me.actor(), me.user().email()))
			.showing(ex -> ex.kind() == DomainException.Kind.INVALID
					|| ex.kind() == DomainException.Kind.TOO_MANY_REQUESTS)
			.refused(errors -> {
				SettingsView current = settings.get(me.actor());
				return page(me, current, SettingsForm.of(current.values(), current.version()), errors, model);
			})
			.done(result -> ConsoleRedirects.withNotice("/console/settings", "test-mail-" + result.code()));
	}

	private String page(ConsoleUser me, SettingsView view, SettingsForm form, FormErrors errors, Model model) {
		model.addAttribute("view", view);
		model.addAttribute("mail", mail.state(me.actor()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("labels", LABELS);
		model.addAttribute("canUpdate", access.allows(me.actor(), Permissions.SETTINGS_UPDATE));
		model.addAttribute("mayManageScimClients", scimClients.mayManage(me.actor()));
		model.addAttribute("presets", SettingCodes.choices(PasswordPreset.class));
		model.addAttribute("deletePolicies", SettingCodes.choices(AccountSettings.DeletePolicy.class));
		model.addAttribute("signInModes", SettingCodes.choices(SignInMode.class));
		model.addAttribute("authorizationModes", SettingCodes.choices(AuthorizationMode.class));
		model.addAttribute("mfaRequirements", SettingCodes.choices(MfaRequirement.class));
		List<RoleSummary> roles = instanceRoles(me);
		model.addAttribute("roles", roles);
		Map<String, String> roleNames = new java.util.HashMap<>();
		roleNames.put(SettingCodes.NO_ROLE, "None");
		roles.forEach(role -> roleNames.put(role.id().toString(), role.name()));
		model.addAttribute("roleNames", roleNames);
		model.addAttribute("defaultIdle", SettingsForm.readable(view.defaults().get(SettingCodes.SESSION_IDLE_TIMEOUT)));
		model.addAttribute("defaultAbsolute",
				SettingsForm.readable(view.defaults().get(SettingCodes.SESSION_ABSOLUTE_TIMEOUT)));
		for (String name : List.of(SettingCodes.DELIVERED_MAIL_RETENTION, SettingCodes.SIGN_IN_RECORD_RETENTION,
				SettingCodes.EXPIRED_RETENTION, SettingCodes.AUDIT_RETENTION)) {
			model.addAttribute("default_" + name, SettingsForm.readable(view.defaults().get(name)));
		}
		return "console/settings/show";
	}

	/** The roles a default role may be: defined at the instance, never System Administrator. */
	private List<RoleSummary> instanceRoles(ConsoleUser me) {
		if (!access.allows(me.actor(), Permissions.ROLES_READ)) {
			return List.of();
		}
		return catalog.roles(me.actor()).stream()
			.filter(role -> role.definedAt() == null && !BuiltInRoles.SYSTEM_ADMINISTRATOR.equals(role.id()))
			.toList();
	}
}
