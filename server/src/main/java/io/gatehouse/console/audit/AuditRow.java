package io.gatehouse.console.audit;

import java.util.List;

import io.gatehouse.audit.AuditEvent;

/**
 * One audit event as the console shows it: names instead of ids, each with a link when the viewer may open it.
 *
 * @param actor {@code null} for the system or an anonymous caller
 */
public record AuditRow(AuditEvent event, Named actor, Named target, List<Detail> details) {

	/** A user, group, role or resource by name; {@code link} is {@code null} when there is nothing to open. */
	public record Named(String name, String link, boolean deleted) {
	}

	/** One recorded fact; {@code named} is set when its value is the id of something with a name. */
	public record Detail(String key, String value, Named named) {
	}
}
