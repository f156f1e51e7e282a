package io.gatehouse.api.settings;

import io.gatehouse.mail.MailServer;
import io.gatehouse.mail.MailServerState;
import io.gatehouse.mail.TestMailResult;
import io.gatehouse.shared.Actor;
import io.gatehouse.users.UserDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How mail leaves this instance (read from the server's configuration), and a test mail to the caller's own address. */
@RestController
@RequestMapping("/api/v1/settings/mail")
class MailApiController {

	private final MailServer mail;

	private final UserDirectory directory;

	MailApiController(MailServer mail, UserDirectory directory) {
		this.mail = mail;
		this.directory = directory;
	}

	@GetMapping
	MailServerState state(Actor actor) {
		return mail.state(actor);
	}

	/** Sent at once, to the caller's own address; {@code result} is {@code sent}, {@code logged} or {@code failed…}. */
	@PostMapping("/test")
	TestMailResult test(Actor actor) {
		return mail.sendTest(actor, directory.me(actor).email());
	}
}
