package io.gatehouse.mail;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where features put the mails their changes cause. A mail is rendered and written in the caller's transaction, so
 * it exists exactly when the change commits; the {@link OutboxWorker} is woken after the commit to deliver it.
 */
@Service
public class Outbox {

	private final MailTemplates templates;

	private final OutboxStore store;

	private final OutboxWorker worker;

	private final Clock clock;

	Outbox(MailTemplates templates, OutboxStore store, OutboxWorker worker, Clock clock) {
		this.templates = templates;
		this.store = store;
		this.worker = worker;
		this.clock = clock;
	}

	/** Must run inside the transaction of the change: a mail of a change that rolls back is never written. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(OutgoingMail mail) {
		UUID id = UUID.randomUUID();
		RenderedMail rendered = templates.render(mail);
		store.insert(id, rendered, clock.instant());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				worker.handOver(id, rendered);
			}
		});
	}

	/** Drops every mail to this address, sent or not: part of erasing a deleted user's personal data. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forgetRecipient(String email) {
		store.deleteTo(email);
	}
}
