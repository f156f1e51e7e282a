package io.gatehouse.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.gatehouse.access.AccessControl;
import io.gatehouse.access.Permissions;
import io.gatehouse.shared.Actor;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filtered audit log as a file: CSV for a spreadsheet, JSON lines for a script. Written a page at a time as it is
 * read, so a large export holds neither the whole result in memory nor a transaction open while the client reads; at
 * most {@link #MAX_EVENTS} events, newest first, and the last line says when more matched.
 */
@Service
public class AuditExport {

	public static final int MAX_EVENTS = 10_000;

	private static final int PAGE = AuditSearch.MAX_LIMIT;

	private static final List<String> COLUMNS = List.of("time", "actor", "actorId", "action", "targetType",
			"targetId", "target", "outcome", "clientIp", "details");

	public enum Format {
		CSV("text/csv", "csv"), JSON_LINES("application/x-ndjson", "jsonl");

		private final String mediaType;

		private final String extension;

		Format(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		public String mediaType() {
			return mediaType;
		}

		public String extension() {
			return extension;
		}

		/** {@code csv} or {@code jsonl}; anything else is refused naming the field. */
		public static Format of(String text) {
			if ("csv".equalsIgnoreCase(text)) {
				return CSV;
			}
			if ("jsonl".equalsIgnoreCase(text)) {
				return JSON_LINES;
			}
			throw io.gatehouse.shared.DomainException.invalidField("format", "one-of", "must be one of csv, jsonl");
		}
	}

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final AccessControl access;

	private final AuditStore store;

	private final AuditNames names;

	private final JsonMapper json;

	private final Clock clock;

	AuditExport(AccessControl access, AuditStore store, AuditNames names, JsonMapper json, Clock clock) {
		this.access = access;
		this.store = store;
		this.names = names;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * What a door asks before it sends the first byte, so that a refusal is an ordinary error answer: whether the
	 * caller may read the log, and the format ({@code csv} or {@code jsonl}).
	 */
	public Format start(Actor actor, String format) {
		access.require(actor, Permissions.AUDIT_READ);
		return Format.of(format);
	}

	/** The file's name: {@code base}, the time of the export and the format's extension. */
	public String fileName(String base, Format format) {
		return base + "-" + STAMP.format(clock.instant()) + "." + format.extension();
	}

	/**
	 * Writes the events the search finds, their targets named as the caller may read them ({@link AuditNames}).
	 *
	 * @param involving when given, only the events of one user's trail
	 * @return how many events were written
	 */
	public int write(Actor actor, AuditSearch search, UUID involving, Format format, Writer out) {
		access.require(actor, Permissions.AUDIT_READ);
		Function<AuditEvent, String> targetName = names.lookup(actor)::targetText;
		AuditPage page = store.run(page(search, search.cursor()), involving);
		int written = 0;
		try {
			if (format == Format.CSV) {
				csvLine(out, COLUMNS);
			}
			while (true) {
				for (AuditEvent event : page.items()) {
					if (written == MAX_EVENTS) {
						truncated(format, out);
						return written;
					}
					line(format, event, targetName.apply(event), out);
					written++;
				}
				if (page.nextCursor() == null) {
					return written;
				}
				out.flush();
				page = store.run(page(search, page.nextCursor()), involving);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static AuditSearch page(AuditSearch search, String cursor) {
		return new AuditSearch(search.actor(), search.action(), search.targetType(), search.targetId(),
				search.outcome(), search.from(), search.to(), PAGE, cursor);
	}

	private void line(Format format, AuditEvent e, String target, Writer out) throws IOException {
		if (format == Format.CSV) {
			csvLine(out, List.of(e.occurredAt().toString(), text(e.actorUsername()), text(e.actorId()), e.action(),
					text(e.targetType()), text(e.targetId()), text(target), text(e.outcome()), text(e.clientIp()),
					e.details().isEmpty() ? "" : json.writeValueAsString(e.details())));
			return;
		}
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("time", e.occurredAt().toString());
		row.put("actor", e.actorUsername());
		row.put("actorId", e.actorId() == null ? null : e.actorId().toString());
		row.put("action", e.action());
		row.put("targetType", e.targetType());
		row.put("targetId", e.targetId());
		row.put("target", target);
		row.put("outcome", e.outcome());
		row.put("clientIp", e.clientIp());
		row.put("details", e.details());
		out.write(json.writeValueAsString(row));
		out.write('\n');
	}

	private void truncated(Format format, Writer out) throws IOException {
		String note = "more events matched: only the newest " + MAX_EVENTS + " are exported; narrow the filters";
		if (format == Format.CSV) {
			csvLine(out, List.of("# " + note));
		}
		else {
			out.write(json.writeValueAsString(Map.of("truncated", true, "note", note)));
			out.write('\n');
		}
	}

	private static void csvLine(Writer out, List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(CsvCells.quoted(cells.get(i)));
		}
		out.write("\r\n");
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}
}
