package io.gatehouse.console.users;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.mail.MailServer;
import io.gatehouse.console.FormErrors;
import io.gatehouse.console.FormFlow;
import io.gatehouse.settings.EffectiveSettings;
import io.gatehouse.shared.DomainException;
import io.gatehouse.users.Invitations;
import io.gatehouse.users.SignInMode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Invitations: invite by email with roles and groups, and the pending ones, each resent (a new link, the
 * old one dead) or cancelled (the pending user deleted). Through {@link Invitations}, like {@code /api/v1/invitations}.
 */
@Controller
class InvitationConsoleController {

	private final Invitations invitations;

	private final AssignmentOptions options;

	private final AccessControl access;

	private final EffectiveSettings settings;

	private final Clock clock;

	private final MailServer mail;

	InvitationConsoleController(Invitations invitations, AssignmentOptions options, AccessControl access,
			EffectiveSettings settings, Clock clock, MailServer mail) {
		this.clock = clock;
		this.settings = settings;
		this.mail = mail;
		this.invitations = invitations;
		this.options = options;
		this.access = access;
	}

	@GetMapping("/console/invitations")
	String list(ConsoleUser me, Model model) {
		return page(me, InviteForm.blank(), FormErrors.NONE, model);
	}

	@PostMapping("/console/invitations")
	String invite(ConsoleUser me, @ModelAttribute InviteForm form, Model model) {
		return FormFlow.submit(() -> invitations.invite(me.actor(), form.invite()))
			.errors(InvitationConsoleController::onTheForm)
			.refused(errors -> page(me, form, errors, model))
			.redirect("/console/invitations", mail.sends() ? "invited" : "invited-not-mailed");
	}

	/** The API's message for a second invitation names its resend call; here the resend button is in the list below. */
	private static FormErrors onTheForm(DomainException ex) {
		FormErrors errors = FormErrors.of(ex);
		return "already-invited".equals(ex.code())
				? new FormErrors("This address already has a pending invitation: resend it from the list below.",
						errors.fields())
				: errors;
	}

	@PostMapping("/console/invitations/{id}/resend")
	String resend(ConsoleUser me, @PathVariable UUID id) {
		invitations.resend(me.actor(), id);
		return ConsoleRedirects.withNotice("/console/invitations",
				mail.sends() ? "invitation-resent" : "invitation-renewed-not-mailed");
	}

	@PostMapping("/console/invitations/{id}/cancel")
	String cancel(ConsoleUser me, @PathVariable UUID id) {
		invitations.cancel(me.actor(), id);
		return ConsoleRedirects.withNotice("/console/invitations", "invitation-cancelled");
	}

	private String page(ConsoleUser me, InviteForm form, FormErrors errors, Model model) {
		model.addAttribute("invitations", invitations.pending(me.actor()));
		model.addAttribute("now", clock.instant());
		// under external sign-in people come from the identity provider, not from an invitation
		model.addAttribute("canInvite", access.allows(me.actor(), Permissions.USERS_CREATE)
				&& settings.signInMode() == SignInMode.LOCAL);
		model.addAttribute("canCancel", access.allows(me.actor(), Permissions.USERS_DELETE));
		model.addAttribute("roleOptions", options.rolesByResource(me.actor(), List.of()));
		model.addAttribute("groupOptions", options.groups(me.actor()));
		model.addAttribute("rolesShown", options.canChooseRoles(me.actor()));
		model.addAttribute("groupsShown", options.canChooseGroups(me.actor()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "console/users/invitations";
	}
}
