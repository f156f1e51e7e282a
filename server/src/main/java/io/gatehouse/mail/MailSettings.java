package io.gatehouse.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Gatehouse sends mail. Without a {@code host} nothing leaves the machine: mails stay in the outbox and are
 * printed to the log, so a fresh install still shows its invitation and reset links.
 *
 * @param tls {@code none}, {@code starttls} (upgrade a plain connection, usually port 587) or {@code ssl}
 * (implicit TLS, usually port 465)
 * @param instanceName the name people know this instance by, used in subjects and bodies
 * @param baseUrl where people reach this instance: the links in mails start with it
 * @param pollInterval how often the outbox is looked at for mails that are due (after a failure or a restart)
 * @param maxAttempts delivery attempts before a mail is given up as failed
 * @param retryBackoff the wait after the first failed attempt; it doubles after each further one, up to an hour
 * @param lease how long a node's claim on a mail lasts unless renewed: the node renews the claims it holds three
 * times per lease while it lives, so this is how soon the mails of a node that died go to another
 */
@ConfigurationProperties("gatehouse.mail")
public record MailSettings(String host, Integer port, Tls tls, String username, String password, String from,
		String instanceName, String baseUrl, Duration pollInterval, Integer maxAttempts, Duration retryBackoff,
		Duration lease) {

	public enum Tls {
		NONE, STARTTLS, SSL
	}

	public MailSettings {
		host = host == null || host.isBlank() ? null : host.strip();
		tls = tls == null ? Tls.STARTTLS : tls;
		port = port == null ? (tls == Tls.SSL ? 465 : 587) : port;
		from = from == null || from.isBlank() ? "gatehouse@localhost" : from.strip();
		instanceName = instanceName == null || instanceName.isBlank() ? "Gatehouse" : instanceName.strip();
		baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.strip().replaceAll("/+$", "");
		pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
		maxAttempts = maxAttempts == null ? 10 : maxAttempts;
		retryBackoff = retryBackoff == null ? Duration.ofSeconds(30) : retryBackoff;
		lease = lease == null ? Duration.ofSeconds(15) : lease;
	}

	public boolean smtpConfigured() {
		return host != null;
	}
}
