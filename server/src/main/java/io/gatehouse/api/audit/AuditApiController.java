package io.gatehouse.api.audit;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

import io.gatehouse.audit.AuditExport;
import io.gatehouse.audit.AuditSearch;
import io.gatehouse.audit.AuditPage;
import io.gatehouse.audit.AuditTrail;
import io.gatehouse.shared.Actor;
import io.gatehouse.shared.DomainException;
import io.gatehouse.web.Attachments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, newest first, filtered and paged by cursor, or exported whole as a file. */
@RestController
class AuditApiController {

	record AuditPageJson(List<AuditEventJson> items, String nextCursor) {
	}

	private final AuditTrail trail;

	private final AuditExport export;

	AuditApiController(AuditTrail trail, AuditExport export) {
		this.trail = trail;
		this.export = export;
	}

	@GetMapping("/api/v1/audit-events")
	AuditPageJson list(Actor actor, @RequestParam(name = "actor", required = false) String actorFilter,
			@RequestParam(required = false) String action, @RequestParam(required = false) String targetType,
			@RequestParam(required = false) String targetId, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		AuditPage page = trail.search(actor, new AuditSearch(actorFilter, action, targetType, targetId, outcome,
				instant("from", from), instant("to", to), limit(limit), cursor));
		return new AuditPageJson(page.items().stream().map(AuditEventJson::of).toList(), page.nextCursor());
	}

	/**
	 * The events the same filters find, newest first, as CSV or JSON lines, written as they are read: at most
	 * {@link AuditExport#MAX_EVENTS}, and a last line saying so when more matched. The console's export, the same file.
	 */
	@GetMapping("/api/v1/audit-events/export")
	@Operation(summary = "Export the filtered audit log as CSV or JSON lines",
			responses = @ApiResponse(responseCode = "200", description = "The events, newest first",
					content = { @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson") }))
	void export(Actor actor, @RequestParam(name = "actor", required = false) String actorFilter,
			@RequestParam(required = false) String action, @RequestParam(required = false) String targetType,
			@RequestParam(required = false) String targetId, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@Parameter(description = "csv (the default) or jsonl") @RequestParam(defaultValue = "csv") String format,
			HttpServletResponse response) throws IOException {
		AuditExport.Format chosen = export.start(actor, format);
		AuditSearch search = new AuditSearch(actorFilter, action, targetType, targetId, outcome, instant("from", from),
				instant("to", to), AuditSearch.DEFAULT_LIMIT, null);
		export.write(actor, search, null, chosen,
				Attachments.open(response, chosen.mediaType(), export.fileName("audit", chosen)));
	}

	private static Instant instant(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(text.strip());
		}
		catch (DateTimeException ex) {
			throw DomainException.invalidField(field, "instant", "must be an instant like 2026-11-22T10:00:00Z");
		}
	}

	private static int limit(String text) {
		if (text == null || text.isBlank()) {
			return AuditSearch.DEFAULT_LIMIT;
		}
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw DomainException.invalidField("limit", "range", "must be between 1 and " + AuditSearch.MAX_LIMIT);
		}
	}
}
