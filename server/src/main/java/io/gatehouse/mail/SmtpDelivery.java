package io.gatehouse.mail;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends over SMTP: one message with a plain-text and an HTML alternative. */
class SmtpDelivery implements MailDelivery {

	private final JavaMailSender sender;

	private final MailSettings settings;

	SmtpDelivery(JavaMailSender sender, MailSettings settings) {
		this.sender = sender;
		this.settings = settings;
	}

	@Override
	public void deliver(RenderedMail mail) throws Exception {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(settings.from(), settings.instanceName());
		helper.setTo(mail.to());
		helper.setSubject(mail.subject());
		helper.setText(mail.text(), mail.html());
		sender.send(message);
	}

	@Override
	public boolean sends() {
		return true;
	}
}
