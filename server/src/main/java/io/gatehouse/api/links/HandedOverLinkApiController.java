package io.gatehouse.api.links;

import java.util.UUID;

import io.gatehouse.mail.MailServer;
import io.gatehouse.shared.Actor;
import io.gatehouse.users.Invitations;
import io.gatehouse.users.PasswordResets;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Links an administrator hands over themselves when mail cannot go out: an invitation's, a password reset's. Each is
 * made anew (the earlier one stops working), answered once and never stored in clear, so the answer is not cached.
 */
@RestController
class HandedOverLinkApiController {

	/** The absolute link, starting with the instance's base URL, as a mail would carry it. */
	record LinkJson(String link) {
	}

	private final Invitations invitations;

	private final PasswordResets resets;

	private final MailServer mail;

	HandedOverLinkApiController(Invitations invitations, PasswordResets resets, MailServer mail) {
		this.invitations = invitations;
		this.resets = resets;
		this.mail = mail;
	}

	@PostMapping("/api/v1/invitations/{id}/link")
	ResponseEntity<LinkJson> invitationLink(Actor actor, @PathVariable UUID id) {
		return once(invitations.copyLink(actor, id));
	}

	@PostMapping("/api/v1/users/{id}/password-reset-link")
	ResponseEntity<LinkJson> resetLink(Actor actor, @PathVariable UUID id) {
		return once(resets.copyLink(actor, id));
	}

	private ResponseEntity<LinkJson> once(String path) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new LinkJson(mail.baseUrl() + path));
	}
}
