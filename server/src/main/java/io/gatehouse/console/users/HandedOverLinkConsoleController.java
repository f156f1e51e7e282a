package io.gatehouse.console.users;

import java.util.UUID;

import io.gatehouse.console.ConsoleRedirects;
import io.gatehouse.console.ConsoleUser;
import io.gatehouse.mail.MailServer;
import io.gatehouse.users.Invitations;
import io.gatehouse.users.PasswordResets;
import io.gatehouse.users.UserDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Copy invitation link" and "Copy reset link", offered when mail cannot go out: a new link for the administrator to
 * hand over, through the same checks as the API's ({@link Invitations#copyLink}, {@link PasswordResets#copyLink}).
 * Shown this once and never cached; with htmx in place on the page, else on a page of its own.
 */
@Controller
class HandedOverLinkConsoleController {

	private final Invitations invitations;

	private final PasswordResets resets;

	private final UserDirectory directory;

	private final MailServer mail;

	HandedOverLinkConsoleController(Invitations invitations, PasswordResets resets, UserDirectory directory,
			MailServer mail) {
		this.invitations = invitations;
		this.resets = resets;
		this.directory = directory;
		this.mail = mail;
	}

	@PostMapping("/console/invitations/{id}/link")
	String invitationLink(ConsoleUser me, @PathVariable UUID id, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String link = mail.baseUrl() + invitations.copyLink(me.actor(), id);
		return shown(link, "Invitation link for " + directory.get(me.actor(), id).email(),
				"Send it to them yourself; it works once, until the invitation expires. Any earlier link stops working.",
				"/console/invitations", request, response, model);
	}

	@PostMapping("/console/users/{id}/reset-link")
	String resetLink(ConsoleUser me, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		String link = mail.baseUrl() + resets.copyLink(me.actor(), id);
		return shown(link, "Password reset link for " + directory.get(me.actor(), id).username(),
				"Give it to them yourself; it works once, for a short while, and lets whoever has it choose the password.",
				"/console/users/" + id, request, response, model);
	}

	private static String shown(String link, String title, String hint, String back, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("handedLink", link);
		model.addAttribute("handedLinkTitle", title);
		model.addAttribute("handedLinkHint", hint);
		model.addAttribute("back", back);
		return ConsoleRedirects.isHtmx(request) ? "console/users/handed-link :: link" : "console/users/handed-link";
	}
}
