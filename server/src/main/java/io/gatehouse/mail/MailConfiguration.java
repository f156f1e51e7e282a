package io.gatehouse.mail;

import java.util.Properties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Builds the SMTP sender from {@code gatehouse.mail.*} (one place to configure mail, next to the instance name and
 * the link base), or the log delivery when no host is set.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	private static final String TIMEOUT_MILLIS = "15000";

	@Bean
	MailDelivery mailDelivery(MailSettings settings) {
		if (!settings.smtpConfigured()) {
			return new LogDelivery();
		}
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(settings.host());
		sender.setPort(settings.port());
		sender.setDefaultEncoding("UTF-8");
		boolean ssl = settings.tls() == MailSettings.Tls.SSL;
		sender.setProtocol(ssl ? "smtps" : "smtp");
		String prefix = ssl ? "mail.smtps." : "mail.smtp.";
		Properties properties = new Properties();
		if (settings.username() != null && !settings.username().isBlank()) {
			sender.setUsername(settings.username());
			sender.setPassword(settings.password());
			properties.put(prefix + "auth", "true");
		}
		if (settings.tls() == MailSettings.Tls.STARTTLS) {
			// required, not just enabled: a server that does not offer STARTTLS must not get the mail in clear
			properties.put("mail.smtp.starttls.enable", "true");
			properties.put("mail.smtp.starttls.required", "true");
		}
		// a hanging server must not hold the outbox thread forever
		properties.put(prefix + "connectiontimeout", TIMEOUT_MILLIS);
		properties.put(prefix + "timeout", TIMEOUT_MILLIS);
		properties.put(prefix + "writetimeout", TIMEOUT_MILLIS);
		sender.setJavaMailProperties(properties);
		return new SmtpDelivery(sender, settings);
	}
}
