package io.gatehouse.mail;

import java.time.Instant;
import java.util.UUID;

import io.gatehouse.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a test mail that has been handed to the server (or refused) in the outbox's history and the audit log, in
 * one transaction of its own: one that loses a race in the database runs again without sending the mail again.
 */
@Component
class TestMailHistory {

	private final OutboxStore store;

	private final ApplicationEventPublisher events;

	TestMailHistory(OutboxStore store, ApplicationEventPublisher events) {
		this.store = store;
		this.events = events;
	}

	@Transactional
	public void record(Actor actor, UUID id, RenderedMail mail, TestMailResult result, boolean sends, Instant at) {
		store.insertFinished(id, mail,
				result.failed() ? OutboxStore.Status.FAILED : sends ? OutboxStore.Status.SENT : OutboxStore.Status.LOGGED,
				result.failed() ? result.message() : null, at);
		events.publishEvent(new TestMailSent(actor, result.failed() ? "failed" : result.code()));
	}
}
