package io.gatehouse.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) for the whole test run, on one port the server under test is configured with.
 * Tests read what was delivered to their own (unique) addresses. It can be stopped and started again on the same
 * port, to see the outbox retry.
 */
public final class TestMailServer {

	private static GreenMail server;

	private static int port;

	private TestMailServer() {
	}

	public static synchronized int port() {
		if (server == null) {
			port = freePort();
			start();
		}
		return port;
	}

	public static synchronized void start() {
		server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
	}

	public static synchronized void stop() {
		server.stop();
	}

	/** A delivered mail, decoded: the text and HTML bodies as the recipient's mail program shows them. */
	public record Mail(String to, String from, String subject, String text, String html) {

		private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");

		/** The single-use token of the link in the mail. */
		public String token() {
			Matcher matcher = TOKEN.matcher(text);
			if (!matcher.find()) {
				throw new AssertionError("No link with a token in the mail '" + subject + "':\n" + text);
			}
			return matcher.group(1);
		}
	}

	public static synchronized List<Mail> to(String address) {
		List<Mail> mails = new ArrayList<>();
		for (MimeMessage message : server.getReceivedMessages()) {
			try {
				for (jakarta.mail.Address recipient : message.getRecipients(Message.RecipientType.TO)) {
					if (recipient.toString().equalsIgnoreCase(address)) {
						mails.add(new Mail(address, message.getFrom()[0].toString(), message.getSubject(),
								part(message, "text/plain"), part(message, "text/html")));
					}
				}
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return mails;
	}

	/** Waits for the {@code count}-th mail to this address whose subject contains {@code subject}. */
	public static Mail await(String address, String subject, int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			List<Mail> matching = to(address).stream().filter(mail -> mail.subject().contains(subject)).toList();
			if (matching.size() >= count) {
				return matching.get(count - 1);
			}
			sleep(50);
		}
		throw new AssertionError("No mail #" + count + " with subject '" + subject + "' reached " + address
				+ " in 30 s; it got: " + to(address).stream().map(Mail::subject).toList());
	}

	public static Mail await(String address, String subject) {
		return await(address, subject, 1);
	}

	/** Gives the outbox time to deliver anything it might, then returns what reached the address. */
	public static List<Mail> afterAWhile(String address) {
		sleep(1500);
		return to(address);
	}

	private static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				String found = part(body, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
