package io.gatehouse.users;

import java.util.Map;

import io.gatehouse.mail.MailTemplate;
import io.gatehouse.mail.Outbox;
import io.gatehouse.mail.OutgoingMail;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people by mail when their password or email address changes, whoever changed it: if it was not them, they
 * learn it while there is still time to act. The password itself is never in the mail.
 */
@Component
class SecurityNotices {

	private final UserStore users;

	private final Outbox outbox;

	SecurityNotices(UserStore users, Outbox outbox) {
		this.users = users;
		this.outbox = outbox;
	}

	/** An administrator changed the address: its previous owner hears of it (a self-service change tells them itself). */
	@EventListener
	void on(UserUpdated event) {
		if (event.fields().contains("email")) {
			outbox.enqueue(new OutgoingMail(event.previousEmail(), MailTemplate.EMAIL_CHANGED,
					Map.of("username", event.user().username(), "newEmail", event.user().email())));
		}
	}

	@EventListener
	void on(PasswordSet event) {
		String how = switch (event.how()) {
			case CHANGED_BY_USER -> "by you, in your profile";
			case SET_BY_ADMIN -> "by an administrator";
			case TEMPORARY -> "by an administrator, to a temporary password you must change at your next sign-in";
			case RESET -> "with a password-reset link";
		};
		users.findLive(event.userId())
			.ifPresent(user -> outbox.enqueue(new OutgoingMail(user.email(), MailTemplate.PASSWORD_CHANGED,
					Map.of("username", user.username(), "how", how))));
	}
}
