package io.gatehouse.mail;

/**
 * How mail leaves this instance, as Settings shows it: no password, ever.
 *
 * @param configured whether an SMTP server is set; without one, mails are only printed to the server's log
 * @param baseUrl what every link in a mail (and every link the console offers to copy) starts with
 */
public record MailServerState(boolean configured, String host, int port, String tls, String from, String baseUrl,
		String instanceName) {
}
