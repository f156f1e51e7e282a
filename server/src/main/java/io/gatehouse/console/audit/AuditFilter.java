package io.gatehouse.console.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.gatehouse.audit.AuditSearch;
import io.gatehouse.shared.DomainException;
import io.gatehouse.shared.FieldViolation;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log viewer's filters as the form sends them (bound from the query string). Times are the signed-in
 * user's local date and time, as a {@code datetime-local} input gives them.
 */
public record AuditFilter(String actor, String action, String targetType, String targetId, String outcome,
		String from, String to, String cursor) {

	static final int PAGE_SIZE = 50;

	/** What the audit service is asked; bad input fails naming its field, as the API's would. */
	public AuditSearch search(ZoneId zone) {
		List<FieldViolation> violations = new ArrayList<>();
		Instant start = instant(from, "from", zone, violations);
		Instant end = instant(to, "to", zone, violations);
		if (!violations.isEmpty()) {
			throw DomainException.invalid("validation-failed", "Check the highlighted fields.", violations);
		}
		return new AuditSearch(actor, action, targetType, targetId, outcome, start, end, PAGE_SIZE, cursor);
	}

	/** The next (older) page under the same filters. */
	public String olderLink(String path, String nextCursor) {
		return filtered(path).queryParam("cursor", nextCursor).build().encode().toUriString();
	}

	/** The first page under the same filters. */
	public String newestLink(String path) {
		return filtered(path).build().encode().toUriString();
	}

	/** The file of every event under the same filters, from the newest: {@code csv} or {@code jsonl}. */
	public String exportLink(String path, String format) {
		return filtered(path).queryParam("format", format).build().encode().toUriString();
	}

	/** The same filters from the newest event on. */
	public AuditFilter withoutCursor() {
		return new AuditFilter(actor, action, targetType, targetId, outcome, from, to, null);
	}

	public boolean paged() {
		return cursor != null && !cursor.isBlank();
	}

	private UriComponentsBuilder filtered(String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		add(uri, "actor", actor);
		add(uri, "action", action);
		add(uri, "targetType", targetType);
		add(uri, "targetId", targetId);
		add(uri, "outcome", outcome);
		add(uri, "from", from);
		add(uri, "to", to);
		return uri;
	}

	private static void add(UriComponentsBuilder uri, String name, String value) {
		if (value != null && !value.isBlank()) {
			uri.queryParam(name, value);
		}
	}

	private static Instant instant(String text, String field, ZoneId zone, List<FieldViolation> violations) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			violations.add(new FieldViolation(field, "date-time", "must be a date and time like 2026-11-22T10:00"));
			return null;
		}
	}
}
