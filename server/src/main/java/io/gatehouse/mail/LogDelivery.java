package io.gatehouse.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The out-of-the-box delivery: no SMTP server is configured, so the mail is printed to the log, link included,
 * and a newcomer can still accept an invitation or reset a password.
 */
class LogDelivery implements MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(LogDelivery.class);

	@Override
	public void deliver(RenderedMail mail) {
		log.info("""

				----- mail not sent: no SMTP server configured (set gatehouse.mail.host) -----
				To: {}
				Subject: {}

				{}
				------------------------------------------------------------------------------""",
				mail.to(), mail.subject(), mail.text() == null ? "" : mail.text().strip());
	}

	@Override
	public boolean sends() {
		return false;
	}
}
