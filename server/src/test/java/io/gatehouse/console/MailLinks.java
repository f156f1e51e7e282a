package io.gatehouse.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.support.TestMailServer;

/**
 * The console page a mail's link opens, as a path of the server under test: the mail's links start with the
 * configured base URL, which is not the test server's random port.
 */
final class MailLinks {

	private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/console/[^\\s\"<]+)");

	private MailLinks() {
	}

	static String path(TestMailServer.Mail mail) {
		Matcher matcher = LINK.matcher(mail.text());
		if (!matcher.find()) {
			throw new AssertionError("No console link in the mail '" + mail.subject() + "':\n" + mail.text());
		}
		return matcher.group(1);
	}
}
