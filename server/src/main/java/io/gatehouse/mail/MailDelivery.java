package io.gatehouse.mail;

/** Hands a rendered mail on: to an SMTP server, or to the log when there is none. */
interface MailDelivery {

	/** Throws when the mail could not be handed on; the outbox then tries again later. */
	void deliver(RenderedMail mail) throws Exception;

	/** Whether a delivered mail really left (SMTP) or was only shown (log). */
	boolean sends();
}
