package io.gatehouse.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.Admission;
import io.gatehouse.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the console tells people about mail: whether it can go out at all (so pages that would mail a link can offer
 * to copy it instead), the server it goes to, and a test mail that answers at once whether that server takes it.
 */
@Service
public class MailServer {

	private static final Logger log = LoggerFactory.getLogger(MailServer.class);

	/** Test mails per address in {@link #TEST_WINDOW}: enough to try a fix, too few to mail-bomb with. */
	public static final int TESTS_PER_WINDOW = 3;

	public static final Duration TEST_WINDOW = Duration.ofMinutes(10);

	private static final String TEST_TEMPLATE = "test-mail";

	private final MailSettings settings;

	private final MailDelivery delivery;

	private final MailTemplates templates;

	private final OutboxStore store;

	private final AccessControl access;

	private final TestMailHistory history;

	private final Clock clock;

	MailServer(MailSettings settings, MailDelivery delivery, MailTemplates templates, OutboxStore store,
			AccessControl access, TestMailHistory history, Clock clock) {
		this.settings = settings;
		this.delivery = delivery;
		this.templates = templates;
		this.store = store;
		this.access = access;
		this.history = history;
		this.clock = clock;
	}

	/** Whether mails reach anyone: false when no SMTP server is configured and they are only logged. */
	public boolean sends() {
		return delivery.sends();
	}

	/** The base URL every link starts with. */
	public String baseUrl() {
		return settings.baseUrl();
	}

	/** The server and sender, for whoever may read the settings. */
	public MailServerState state(Actor actor) {
		access.require(actor, Permissions.SETTINGS_READ);
		return new MailServerState(delivery.sends(), settings.host(), settings.port(),
				settings.tls().name().toLowerCase(java.util.Locale.ROOT), settings.from(), settings.baseUrl(),
				settings.instanceName());
	}

	/**
	 * Sends a test mail now, not through the outbox, so the answer says whether the server took it. Only to the
	 * caller's own address (the door passes the signed-in account's), for whoever may change the settings, at most
	 * {@link #TESTS_PER_WINDOW} per address in {@link #TEST_WINDOW}; each one is kept in the outbox's history and
	 * audited. Not one transaction: the mail goes out first, and only its record is written (and, when it loses a race
	 * in the database, written again) afterwards, so a retried transaction never sends it twice.
	 *
	 * @return {@code sent}, {@code logged} (no SMTP server: printed to the log) or a failure in plain words
	 */
	public TestMailResult sendTest(Actor actor, String ownAddress) {
		access.require(actor, Permissions.SETTINGS_UPDATE);
		if (ownAddress == null || ownAddress.isBlank()) {
			throw DomainException.invalidField("email", "required", "your account has no email address to send to");
		}
		Instant now = clock.instant();
		if (store.countSince(TEST_TEMPLATE, ownAddress, now.minus(TEST_WINDOW)) >= TESTS_PER_WINDOW) {
			throw new DomainException(DomainException.Kind.TOO_MANY_REQUESTS, "too-many-requests",
					"Too many test mails; try again in " + TEST_WINDOW.toMinutes() + " minutes.");
		}
		RenderedMail mail = templates.render(new OutgoingMail(ownAddress, MailTemplate.TEST,
				Map.of("username", actor.username() == null ? "" : actor.username())));
		TestMailResult result;
		try {
			// the SMTP server's pace, not this node's: no place among the running requests held while it answers
			Admission.outside(() -> delivery.deliver(mail));
			result = delivery.sends() ? TestMailResult.SENT : TestMailResult.LOGGED;
		}
		catch (Exception ex) {
			log.warn("The test mail to {} was not accepted", ownAddress, ex);
			result = TestMailResult.failed(ex, settings);
		}
		history.record(actor, UUID.randomUUID(), mail, result, delivery.sends(), now);
		return result;
	}
}
