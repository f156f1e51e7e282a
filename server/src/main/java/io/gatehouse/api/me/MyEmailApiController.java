package io.gatehouse.api.me;

import io.gatehouse.shared.Actor;
import io.gatehouse.users.EmailAddresses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's email address: change it (confirmed by a link to the new one) or ask for a new verification
 * link.
 */
@RestController
@RequestMapping("/api/v1/me/email")
class MyEmailApiController {

	record ChangeEmailRequest(String email, String currentPassword) {
	}

	private final EmailAddresses emails;

	MyEmailApiController(EmailAddresses emails) {
		this.emails = emails;
	}

	/** 202: nothing changes until the link mailed to the new address is used. */
	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	void change(Actor actor, @RequestBody ChangeEmailRequest body) {
		emails.startChange(actor, body.email(), body.currentPassword());
	}

	@PostMapping("/verification")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void resendVerification(Actor actor) {
		emails.resendVerification(actor);
	}
}
