package io.gatehouse.mail;

import java.util.Map;

/**
 * A mail to write to the outbox: who gets it, which template renders it, and the values the template reads.
 * A {@code link} variable is a path on this instance; templates get it as the absolute {@code url}.
 */
public record OutgoingMail(String to, MailTemplate template, Map<String, Object> variables) {

	public OutgoingMail {
		variables = variables == null ? Map.of() : Map.copyOf(variables);
	}
}
