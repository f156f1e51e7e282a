package io.gatehouse.mail;

import jakarta.mail.AuthenticationFailedException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.springframework.mail.MailAuthenticationException;

/**
 * What became of a test mail, in words an administrator can act on. The exception itself goes to the log only: its
 * message may hold the server's banner or more than a page should show.
 *
 * @param code {@code sent}, {@code logged}, or {@code failed-auth}, {@code failed-host}, {@code failed-connect},
 * {@code failed} for the rest
 */
public record TestMailResult(String code, String message) {

	static final TestMailResult SENT = new TestMailResult("sent", "The mail server accepted the test mail.");

	static final TestMailResult LOGGED = new TestMailResult("logged",
			"No mail server is configured: the test mail was printed to the server's log, not sent.");

	public boolean failed() {
		return code.startsWith("failed");
	}

	static TestMailResult failed(Exception ex, MailSettings settings) {
		String server = settings.host() + ":" + settings.port();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MailAuthenticationException || cause instanceof AuthenticationFailedException) {
				return new TestMailResult("failed-auth", "The mail server " + server + " refused the user name or password.");
			}
			if (cause instanceof UnknownHostException) {
				return new TestMailResult("failed-host", "The mail server's host name " + settings.host() + " is not known.");
			}
			if (cause instanceof ConnectException || cause instanceof SocketTimeoutException) {
				return new TestMailResult("failed-connect", "Could not connect to the mail server " + server + ".");
			}
		}
		return new TestMailResult("failed",
				"The mail server " + server + " did not accept the test mail; the server's log says why.");
	}
}
