package io.gatehouse.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.PreDestroy;

import io.gatehouse.mail.MailTemplate;
import io.gatehouse.mail.Outbox;
import io.gatehouse.mail.OutgoingMail;
import io.gatehouse.shared.MailDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes and mails the link of a password-reset request after the request is answered, so that the answer for a
 * known address costs what the answer for an unknown one does and its time tells nothing. The request row, committed
 * with the answer, is the promise: it is handed to a thread here once committed, and a node that stopped before
 * keeping it leaves it to the sweep of any node. The claim on the row makes each link once; the mail itself goes
 * through the outbox, committed with the link.
 */
@Component
class ResetLinkMailer {

	private static final Logger log = LoggerFactory.getLogger(ResetLinkMailer.class);

	// the sweep leaves a fresh request to the thread it was handed to
	private static final Duration GRACE = Duration.ofSeconds(10);

	private final ResetRequestStore requests;

	private final UserStore users;

	private final LinkStore links;

	private final Outbox outbox;

	private final PasswordResetSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "password-reset-links");
		thread.setDaemon(true);
		return thread;
	});

	ResetLinkMailer(ResetRequestStore requests, UserStore users, LinkStore links, Outbox outbox,
			PasswordResetSettings settings, PlatformTransactionManager transactions, Clock clock) {
		this.requests = requests;
		this.users = users;
		this.links = links;
		this.outbox = outbox;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** In the request's transaction: once it commits, the link is made on another thread. */
	void mailAfterCommit(UUID requestId) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				try {
					executor.execute(() -> handle(requestId));
				}
				catch (RejectedExecutionException ex) {
					// shutting down: the row waits for the sweep of the next node up
				}
			}
		});
	}

	@Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
	void sweep() {
		for (UUID id : requests.unhandledBefore(clock.instant().minus(GRACE), 100)) {
			handle(id);
		}
	}

	private void handle(UUID requestId) {
		try {
			transaction.executeWithoutResult(status -> requests.claim(requestId, clock.instant())
				.flatMap(email -> users.findByLogin(email))
				.map(UserStore.UserWithPassword::user)
				.filter(User::isActive)
				.ifPresent(this::mail));
		}
		catch (RuntimeException ex) {
			// rolled back with its claim: the sweep tries again
			log.warn("Could not make the link of password-reset request {}; it will be tried again", requestId, ex);
		}
	}

	private void mail(User user) {
		Instant now = clock.instant();
		Instant expiresAt = now.plus(settings.expiry());
		String secret = links.issue(user.id(), Link.Purpose.PASSWORD_RESET, user.email(), now, expiresAt);
		outbox.enqueue(new OutgoingMail(user.email(), MailTemplate.PASSWORD_RESET, Map.of("username", user.username(),
				"link", "/console/password-reset?token=" + secret, "expiresAt", MailDates.format(expiresAt))));
	}

	@PreDestroy
	void stop() {
		executor.shutdown();
	}
}
