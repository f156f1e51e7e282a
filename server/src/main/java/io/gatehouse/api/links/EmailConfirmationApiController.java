package io.gatehouse.api.links;

import jakarta.servlet.http.HttpServletRequest;

import io.gatehouse.shared.Actor;
import io.gatehouse.users.EmailAddresses;
import io.gatehouse.users.User;
import io.gatehouse.web.ClientAddress;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Uses a mailed email link (verification of an address, or confirmation of a new one) without a sign-in: the link
 * may be opened on another device than the one that asked for it.
 */
@RestController
@RequestMapping("/api/v1/email-confirmations")
class EmailConfirmationApiController {

	record ConfirmRequest(String token) {
	}

	/** Only what the link holder already knows: the address, now verified. */
	record ConfirmedJson(String email, boolean emailVerified) {
	}

	private final EmailAddresses emails;

	EmailConfirmationApiController(EmailAddresses emails) {
		this.emails = emails;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ConfirmedJson confirm(@RequestBody ConfirmRequest body, HttpServletRequest request) {
		User user = emails.confirm(Actor.anonymous(ClientAddress.of(request)), body.token());
		return new ConfirmedJson(user.email(), user.emailVerified());
	}
}
